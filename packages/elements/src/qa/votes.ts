// "这条回答有帮助吗?": one vote per reader and question, sent to the consultation server
// (POST {endpoint}/qa-feedback, body { policy, qa, helpful }) and, once it counted it, kept on
// this device so the reader is not asked again.
export type Vote = 'yes' | 'no';

const key = (policy: string, qa: string) => `gongkai:qa-vote:${policy}:${qa}`;

export function storedVote(policy: string, qa: string): Vote | null {
  try {
    const value = localStorage.getItem(key(policy, qa));
    return value === 'yes' || value === 'no' ? value : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

export function storeVote(policy: string, qa: string, vote: Vote): void {
  try {
    localStorage.setItem(key(policy, qa), vote);
  } catch {
    // Nothing to keep it in; the vote still counts for this page view.
  }
}

/** Sends the vote; resolves false on a network error or a refusal. */
export async function sendVote(endpoint: string, policy: string, qa: string, vote: Vote): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/qa-feedback`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ policy, qa, helpful: vote === 'yes' }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
