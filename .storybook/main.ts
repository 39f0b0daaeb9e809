import type { StorybookConfig } from '@storybook/web-components-vite';
import { lowerDecorators } from '../packages/elements/vite.config.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  staticDirs: [
    { from: '../demo/policies', to: '/policies' },
    { from: '../stories/examples/files', to: '/examples' },
  ],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(cfg) {
    // The elements' vite config is in library mode: keep the decorator lowering, drop the rest.
    cfg.plugins = [...(cfg.plugins ?? []), lowerDecorators()];
    cfg.resolve = { ...cfg.resolve, conditions: ['source', 'module', 'browser', 'production', 'default'] };
    if (cfg.build) {
      delete cfg.build.lib;
      cfg.build.chunkSizeWarningLimit = 2000;
    }
    return cfg;
  },
};
export default config;
