import '@gongkai/elements';
import type { Graphic } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ezhou } from '../examples/ezhou.js';
import { PHONE } from '../examples/frame.js';
import {
  chartGraphic,
  handWritten,
  interpretationCompare,
  reformTimeline,
  requestSteps,
} from '../examples/graphics.js';

interface Args {
  graphics: Graphic[];
  lang?: string;
  phone?: boolean;
  noExport?: boolean;
}

const ezhouGraphics = ezhou.graphics ?? [];

/** 图解 cards; each card (or the whole set) exports as one long PNG (一图读懂). */
const meta: Meta<Args> = {
  title: 'Elements/gk-graphic',
  component: 'gk-graphic',
  args: { graphics: ezhouGraphics },
  render: (args) =>
    html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:760px'}>
      <gk-graphic .graphics=${args.graphics} heading="一图读懂《鄂州市全面推进政务公开工作实施方案》" ?no-export=${args.noExport}></gk-graphic>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The two graphics of the demo bundle: a timeline of the three stages and the figures. */
export const FromTheBundle: Story = {};
export const Figures: Story = { args: { graphics: ezhouGraphics.filter((g) => g.kind === 'figures') } };
export const Steps: Story = { args: { graphics: [requestSteps] } };
export const Timeline: Story = { args: { graphics: [reformTimeline] } };
export const Compare: Story = { args: { graphics: [interpretationCompare] } };
/** Stacks "before" over "after" on a phone. */
export const CompareOnPhone: Story = { args: { graphics: [interpretationCompare], phone: true } };
export const Chart: Story = { args: { graphics: [chartGraphic] } };
export const EveryKind: Story = { args: { graphics: [...ezhouGraphics, ...handWritten] } };
export const English: Story = { args: { lang: 'en', graphics: [interpretationCompare, chartGraphic] } };

/** Linked clauses scroll the document beside the cards. */
export const BesideTheDocument: Story = {
  render: (
    _args,
    { id },
  ) => html`<div style="display:grid;grid-template-columns:minmax(0,1fr) 22em;gap:1.5em;align-items:start">
    <gk-document id="doc-${id}" .bundle=${ezhou}></gk-document>
    <gk-graphic for="doc-${id}" .graphics=${ezhouGraphics}></gk-graphic>
  </div>`,
};

export const BadInput: Story = {
  args: {
    graphics: [{ id: 'x', kind: 'figures', caption: '数说', description: '', items: [] }] as unknown as Graphic[],
  },
};
