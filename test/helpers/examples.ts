// Named examples from the seed documents, shared by tests and stories.
import type { Bundle } from '@gongkai/format';

export const examplePaths = {
  ezhou: '/demo/policies/ezhou-2016-40.json',
} as const;

export async function loadExample(name: keyof typeof examplePaths): Promise<Bundle> {
  const response = await fetch(examplePaths[name]);
  return (await response.json()) as Bundle;
}
