import '@gongkai/elements';
import type { ChartData } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PHONE } from '../examples/frame.js';
import { chartGraphic, publishedByChannel } from '../examples/graphics.js';

interface Args {
  data: ChartData;
  caption: string;
  description: string;
  lang?: string;
  phone?: boolean;
}

/** A chart drawn by chart.js once near the viewport, with its text alternative and data table. */
const meta: Meta<Args> = {
  title: 'Elements/gk-chart',
  component: 'gk-chart',
  args: { data: publishedByChannel, caption: chartGraphic.caption, description: chartGraphic.description },
  render: (args) =>
    html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:720px'}>
      <gk-chart .data=${args.data} caption=${args.caption} description=${args.description}></gk-chart>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Items published by channel, 2016 and 2020: bars with patterns, numbers in 万. */
export const Bar: Story = {};

/** 2016–2020 budget for 政务公开 (万元 → 亿 in the table). */
export const Line: Story = {
  args: {
    caption: '依申请公开办理量（2016—2020年）',
    description: '依申请公开办理量从2016年的186件增至2020年的1240件，按时办结率保持在98%以上。',
    data: {
      type: 'line',
      labels: ['2016', '2017', '2018', '2019', '2020'],
      datasets: [
        { label: '收到申请', data: [186, 342, 615, 980, 1240] },
        { label: '按时办结', data: [183, 338, 606, 968, 1229] },
      ],
      unit: '件',
    },
  },
};

export const Doughnut: Story = {
  args: {
    caption: '2020年政务公开专项经费构成',
    description: '2020年专项经费共320万元：平台建设占50%，政策解读占25%，培训占15%，其他占10%。',
    data: {
      type: 'doughnut',
      labels: ['平台建设', '政策解读', '培训', '其他'],
      datasets: [{ label: '经费', data: [1600000, 800000, 480000, 320000] }],
      unit: '元',
    },
  },
};

export const Pie: Story = {
  args: {
    caption: '依申请公开答复类型',
    description: '予以公开的占62%，部分公开占18%，不予公开占7%，信息不存在占13%。',
    data: {
      type: 'pie',
      labels: ['予以公开', '部分公开', '不予公开', '信息不存在'],
      datasets: [{ label: '占比', data: [62, 18, 7, 13] }],
      unit: '%',
    },
  },
};

export const English: Story = { args: { lang: 'en' } };
export const Phone: Story = { args: { phone: true } };

/** Ten charts on a long page: each is drawn as it scrolls into view. */
export const TenCharts: Story = {
  render: (args) => html`<div style="max-width:720px;display:grid;gap:40vh">
    ${Array.from({ length: 10 }, (_, i) => html`<gk-chart .data=${args.data} caption="${args.caption}（${i + 1}）" description=${args.description}></gk-chart>`)}
  </div>`,
};

export const BadData: Story = {
  args: { caption: '', data: { type: 'bars', labels: ['a'], datasets: [] } as unknown as ChartData },
};
