import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { controls: { expanded: true } },
  tags: ['autodocs'],
};
export default preview;
