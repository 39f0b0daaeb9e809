// Issue 21: decisions pass 拟办 → 审核 → 签发, each step its own permission and audit entry, on
// one comment, a group or a filter; publication is refused (409, with what blocks it) while a
// decision is not signed off or an assignment is open; units, assignments with due dates and
// queues; internal notes that never leave the staff API.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { PublicationBlocking } from '@gongkai/format';
import type { Database } from '@gongkai/server';
import { closeDatabases, databases, sameDatabase } from './databases.js';
import {
  type Ctx,
  consultation,
  iso,
  type Published,
  publishAndWait,
  type Role,
  setup,
  signOffAll,
} from './helpers.js';

after(closeDatabases);

async function comments(ctx: Ctx, id: string, bodies: string[]): Promise<number[]> {
  for (const body of bodies) assert.equal((await ctx.comment(id, { body })).statusCode, 201);
  const list = await ctx.staff({ url: `/api/v1/consultations/${id}/comments?limit=500` });
  return list.json().items.map((i: { id: number }) => i.id);
}

const step = (ctx: Ctx, id: string, payload: Record<string, unknown>, as: Role) =>
  ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/signoff`, payload }, as);
const decide = (ctx: Ctx, comment: number, payload: Record<string, unknown>, as: Role = 'reviewer') =>
  ctx.staff({ method: 'PATCH', url: `/api/v1/comments/${comment}`, payload }, as);
const item = async (ctx: Ctx, comment: number) => (await ctx.staff({ url: `/api/v1/comments/${comment}` })).json();
const close = (ctx: Ctx, id: string) =>
  ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
const publish = async (ctx: Ctx, id: string) => {
  const { status, body } = await publishAndWait(ctx, id, 'editor');
  const answer = body as Published & { error: string; zh: string; blocking: PublicationBlocking };
  return { statusCode: status, json: () => answer, body: JSON.stringify(body) };
};
const auditOf = async (ctx: Ctx, id: string) =>
  (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items as {
    actor: string;
    action: string;
    commentId: number | null;
    after: Record<string, unknown>;
  }[];

/** `n` comments of one campaign group, decided and at `stage`, written directly (as the job would group them). */
async function campaign(db: Database, id: string, n: number, stage: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision, stage,
       grouped)
     SELECT $1, 'G' || $1 || n, 'g' || n, 'h', '建议保留菜市场。（第' || n || '份）', 'approved', 'adopted', $3, true
     FROM generate_series(1, $2::int) AS n RETURNING id`,
    [id, n, stage],
  );
  const first = rows.map((r) => Number(r.id)).sort((a, b) => a - b)[0]!;
  await db.query('UPDATE comments SET group_id = $2 WHERE consultation_id = $1', [id, first]);
  await db.query('INSERT INTO comment_groups (group_id, consultation_id, size, indexed) VALUES ($1, $2, $3, 1)', [
    first,
    id,
    n,
  ]);
  return first;
}

for (const { name, fresh } of databases) {
  describe(`sign-off and assignment on ${name}`, () => {
    test('separate sign-off: a token does not check what it drafted, even sent back, nor sign off what it drafted or checked (409 for one comment; a filter leaves them, counted), another person does', async () => {
      const ctx = await setup(fresh, { signoff: { separate: true } });
      const id = await consultation(ctx);
      const [a, b, c, d] = await comments(ctx, id, ['建议一。', '建议二。', '建议三。', '建议四。']);
      for (const x of [a, b, c]) await decide(ctx, x!, { decision: 'adopted' });
      await step(ctx, id, { step: 'check', comment: a }, 'admin');
      await step(ctx, id, { step: 'check', comment: b }, 'admin');
      await step(ctx, id, { step: 'check', comment: c }, 'checker');
      const own = await step(ctx, id, { step: 'sign', comment: a }, 'admin');
      assert.equal(own.statusCode, 409);
      assert.equal(own.json().error, 'same-person');
      assert.match(own.json().zh, /拟办、审核和签发须由不同的人办理：该意见由您审核，请由他人签发/);
      const dry = await step(ctx, id, { step: 'sign', filter: { stage: 'checked' }, dryRun: true }, 'admin');
      assert.equal(dry.json().updated, 1, 'only the one another person checked');
      const byFilter = (await step(ctx, id, { step: 'sign', filter: { stage: 'checked' } }, 'admin')).json();
      assert.deepEqual([byFilter.updated, byFilter.checkedByYou], [1, 2]);
      assert.equal((await item(ctx, c!)).stage, 'signed');
      assert.equal((await item(ctx, a!)).stage, 'checked');
      assert.equal((await step(ctx, id, { step: 'sign', comment: a }, 'signer')).json().stage, 'signed');

      // 拟办 and 审核 too: the drafter is recorded, and does not check their own decision.
      await decide(ctx, d!, { decision: 'not-adopted', reason: '另行研究。' }, 'admin');
      const drafted = await item(ctx, d!);
      assert.equal(drafted.stage, 'draft');
      assert.match(drafted.stageBy, /^admin:/);
      assert.ok(drafted.stageAt);
      // The console's count before the step answers as the step would (not "nothing to check").
      const ownDry = await step(ctx, id, { step: 'check', comment: d, dryRun: true }, 'admin');
      assert.equal(ownDry.statusCode, 409, ownDry.body);
      assert.equal(ownDry.json().error, 'same-person');
      const ownCheck = await step(ctx, id, { step: 'check', comment: d }, 'admin');
      assert.equal(ownCheck.statusCode, 409);
      assert.equal(ownCheck.json().error, 'same-person');
      assert.match(ownCheck.json().zh, /拟办、审核和签发须由不同的人办理：该意见由您拟办，请由他人审核/);
      const checkByFilter = (await step(ctx, id, { step: 'check', filter: { stage: 'draft' } }, 'admin')).json();
      assert.deepEqual([checkByFilter.updated, checkByFilter.draftedByYou], [0, 1]);
      assert.equal((await step(ctx, id, { step: 'check', comment: d }, 'checker')).json().stage, 'checked');
      // Nor signs it off, though someone else checked it.
      const ownSign = await step(ctx, id, { step: 'sign', comment: d }, 'admin');
      assert.equal(ownSign.statusCode, 409);
      assert.match(ownSign.json().zh, /该意见由您拟办，请由他人签发/);
      // Sent back, it is still the drafter's decision: the drafter still may not check it.
      const back = await step(ctx, id, { step: 'return', comment: d, reason: '请补充依据。' }, 'signer');
      assert.equal(back.json().stage, 'draft');
      const returned = await item(ctx, d!);
      assert.match(returned.stageBy, /^signer:/, 'the stage names who sent it back');
      assert.match(returned.draftedBy, /^admin:/, 'and the drafter is still said');
      assert.equal((await step(ctx, id, { step: 'check', comment: d }, 'admin')).statusCode, 409);
      const dryByAdmin = await step(ctx, id, { step: 'check', filter: { stage: 'draft' }, dryRun: true }, 'admin');
      assert.equal(dryByAdmin.json().updated, 0, 'the count agrees with the step');
      assert.equal((await step(ctx, id, { step: 'check', comment: d }, 'checker')).json().stage, 'checked');
      assert.equal((await step(ctx, id, { step: 'sign', comment: d }, 'signer')).json().stage, 'signed');
      await ctx.close();
    });

    test('拟办 → 审核 → 签发: each step its own permission (403 names it), sent back with a reason, audited with its actor', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [a, b] = await comments(ctx, id, ['建议明确办理时限。', '建议公开收费标准。']);
      const decided = (await decide(ctx, a!, { decision: 'adopted' })).json();
      assert.equal(decided.stage, 'draft');
      assert.match(decided.stageBy, /^reviewer:/, 'the drafter is recorded');
      await decide(ctx, b!, { decision: 'not-adopted', reason: '现行规定已有要求。' });

      // A reviewer drafts but may not check or sign; a checker may not sign.
      const byReviewer = await step(ctx, id, { step: 'check', comment: a }, 'reviewer');
      assert.equal(byReviewer.statusCode, 403);
      assert.match(byReviewer.json().message, /needs check or signOff/);
      const signByChecker = await step(ctx, id, { step: 'sign', comment: a }, 'checker');
      assert.equal(signByChecker.statusCode, 403);
      assert.match(signByChecker.json().message, /needs signOff: admin or signer/);
      assert.deepEqual(signByChecker.json().needs, ['signOff']);
      // Signing what nobody checked: 409, saying where it stands.
      const early = await step(ctx, id, { step: 'sign', comment: a }, 'signer');
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error, 'wrong-stage');
      assert.equal(early.json().stage, 'draft');
      assert.match(early.json().zh, /拟办/);

      // Counted first (the console's confirmation), nothing changed.
      const counted = await step(ctx, id, { step: 'check', filter: { stage: 'draft' }, dryRun: true }, 'checker');
      assert.deepEqual(counted.json(), { updated: 2, stage: 'checked', dryRun: true });
      assert.equal((await item(ctx, a!)).stage, 'draft');
      assert.deepEqual((await step(ctx, id, { step: 'check', comment: a }, 'checker')).json(), {
        updated: 1,
        stage: 'checked',
      });
      const checked = await item(ctx, a!);
      assert.equal(checked.stage, 'checked');
      assert.match(checked.stageBy, /^checker:/);
      assert.equal((await step(ctx, id, { step: 'sign', comment: a }, 'signer')).json().stage, 'signed');
      assert.equal((await item(ctx, a!)).stage, 'signed');

      // Sent back: a reason is required; it goes back to 拟办 with the reason shown.
      const bare = await step(ctx, id, { step: 'return', comment: a }, 'signer');
      assert.equal(bare.statusCode, 422);
      assert.equal(bare.json().error, 'reason-required');
      await step(ctx, id, { step: 'return', comment: a, reason: '理由需引用条文。' }, 'signer');
      const returned = await item(ctx, a!);
      assert.deepEqual([returned.stage, returned.returnedReason], ['draft', '理由需引用条文。']);
      // A checker cannot send back what is signed off (only a signer can).
      await step(ctx, id, { step: 'check', comment: b }, 'checker');
      await step(ctx, id, { step: 'sign', comment: b }, 'signer');
      const notHis = await step(ctx, id, { step: 'return', comment: b, reason: '再议。' }, 'checker');
      assert.equal(notHis.statusCode, 409);

      // A decision changed after sign-off is a draft again; the same decision re-sent is not.
      await decide(ctx, b!, { decision: 'not-adopted' }, 'reviewer');
      assert.equal((await item(ctx, b!)).stage, 'signed', 'the same decision and reason: nothing to sign again');
      await decide(ctx, b!, { decision: 'partly-adopted', reason: '部分吸收。' });
      const redrafted = await item(ctx, b!);
      assert.equal(redrafted.stage, 'draft');
      assert.match(redrafted.stageBy, /^reviewer:/, 'drafted again, by whoever changed it');
      // Undecided comments have no stage, and steps on them are 409.
      const [, , c] = await comments(ctx, id, ['尚未处理。']);
      assert.equal((await item(ctx, c!)).stage, null);
      assert.equal((await step(ctx, id, { step: 'check', comment: c }, 'checker')).json().error, 'no-decision');
      assert.equal((await step(ctx, id, { step: 'check', comment: 999999 }, 'checker')).statusCode, 404);
      assert.equal((await step(ctx, id, { step: 'check', comment: a, group: 1 }, 'checker')).statusCode, 400);

      const log = await auditOf(ctx, id);
      const steps = log.filter((e) => ['comment.check', 'comment.sign-off', 'comment.return'].includes(e.action));
      assert.deepEqual(
        steps.map((e) => [e.action, e.actor.split(':')[0], e.commentId]),
        [
          ['comment.check', 'checker', a],
          ['comment.sign-off', 'signer', a],
          ['comment.return', 'signer', a],
          ['comment.check', 'checker', b],
          ['comment.sign-off', 'signer', b],
        ],
      );
      assert.equal(steps[2]!.after.reason, '理由需引用条文。');
      assert.deepEqual(steps[1]!.after.from, { draft: 0, checked: 1, signed: 0 });
      const redecided = log.filter((e) => e.action === 'comment.decide').at(-1)!;
      assert.equal((redecided as unknown as { before: { stage: string } }).before.stage, 'signed');
      await ctx.close();
    });

    test('publication: 409 listing what blocks it (per step, unit, first ids), then published once signed off and assignments closed', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const ids = await comments(ctx, id, ['一', '二', '三', '四', '五']);
      const unit = (
        await ctx.staff({ method: 'POST', url: '/api/v1/units', payload: { name: '法规处' } }, 'checker')
      ).json().id;
      for (const c of ids.slice(0, 4)) await decide(ctx, c, { decision: 'adopted' });
      await step(ctx, id, { step: 'check', comment: ids[0] }, 'checker');
      // The fifth is assigned to the unit, due yesterday, and undecided.
      const assigned = await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/assignments`,
          payload: { unit, due: iso(-1).slice(0, 10), comment: ids[4] },
        },
        'editor',
      );
      assert.equal(assigned.statusCode, 201, assigned.body);
      await close(ctx, id);

      const undecided = await publish(ctx, id);
      assert.equal(undecided.statusCode, 409);
      assert.equal(undecided.json().error, 'undecided');
      assert.equal(undecided.json().blocking.undecided, 0, 'awaiting moderation, not yet a decision');
      assert.equal(undecided.json().blocking.unmoderated, 1);

      await decide(ctx, ids[4]!, { decision: 'not-adopted', reason: '超出本次范围。' });
      // Deciding its last comment closed the assignment.
      const list = (await ctx.staff({ url: `/api/v1/consultations/${id}/assignments` })).json().items;
      assert.deepEqual([list[0].open, list[0].closeReason, list[0].awaiting], [false, 'decided', 0]);
      // Another, still open, assigned by group of one.
      await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/assignments`,
          payload: { unit, due: iso(3).slice(0, 10), filter: { decision: 'adopted' }, note: '请复核' },
        },
        'checker',
      );
      // (Its comments are all decided, so it closed at once.) What blocks now: decisions at 拟办 and 审核.
      const blocked = await publish(ctx, id);
      assert.equal(blocked.statusCode, 409, blocked.body);
      const b = blocked.json();
      assert.equal(b.error, 'not-signed-off');
      assert.match(b.zh, /待审核/);
      assert.deepEqual(
        { draft: b.blocking.draft, checked: b.blocking.checked, open: b.blocking.openAssignments },
        { draft: 4, checked: 1, open: 0 },
      );
      const byStep = Object.fromEntries(
        b.blocking.byStep.map((s: { step: string; first: number[] }) => [s.step, s.first]),
      );
      assert.deepEqual(byStep, { draft: ids.slice(1, 5), checked: [ids[0]] });
      const byUnit = b.blocking.byUnit.find((u: { unit: number | null }) => u.unit === unit)!;
      assert.deepEqual([byUnit.unitName, byUnit.draft, byUnit.checked], ['法规处', 4, 1]);
      // The same list from GET …/blocking and in the preview, for the console.
      assert.deepEqual((await ctx.staff({ url: `/api/v1/consultations/${id}/blocking` })).json(), b.blocking);

      await signOffAll(ctx, id);
      // The same decision again, by filter, leaves what is signed off signed; another sends it back.
      const again = { filter: { decision: 'adopted' }, decision: 'adopted' };
      await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/decisions`, payload: again }, 'reviewer');
      assert.equal((await ctx.staff({ url: `/api/v1/consultations/${id}/blocking` })).json().draft, 0);
      const other = { filter: { decision: 'not-adopted' }, decision: 'not-adopted', reason: '另议。' };
      await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/decisions`, payload: other }, 'reviewer');
      assert.equal((await ctx.staff({ url: `/api/v1/consultations/${id}/blocking` })).json().draft, 1);
      await signOffAll(ctx, id);
      // An open assignment alone also blocks (one made with no comments, as a unit asked to report).
      await ctx.db.query(
        `INSERT INTO assignments (consultation_id, unit_id, due, created_by) VALUES ($1, $2, current_date - 2, 'test')`,
        [id, unit],
      );
      const open = await publish(ctx, id);
      assert.equal(open.statusCode, 409);
      assert.equal(open.json().blocking.openAssignments, 1);
      assert.equal(open.json().blocking.byUnit[0]?.overdue, 1);
      assert.match(open.json().zh, /交办未办结/);
      const aid = (await ctx.staff({ url: `/api/v1/consultations/${id}/assignments?open=true` })).json().items[0].id;
      const noWhy = await ctx.staff(
        { method: 'POST', url: `/api/v1/consultations/${id}/assignments/${aid}/close`, payload: { reason: ' ' } },
        'checker',
      );
      assert.equal(noWhy.statusCode, 422);
      const closed = await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/assignments/${aid}/close`,
          payload: { reason: '已电话答复' },
        },
        'checker',
      );
      assert.equal(closed.json().closeReason, '已电话答复');
      const published = await publish(ctx, id);
      assert.equal(published.statusCode, 201, published.body);
      assert.equal(published.json().total, 5);
      const actions = (await auditOf(ctx, id)).map((e) => e.action);
      for (const a of [
        'assignment.create',
        'assignment.close',
        'comment.check',
        'comment.sign-off',
        'feedback.publish',
      ])
        assert.ok(actions.includes(a), a);
      await ctx.close();
    });

    test('units, assignments with due dates, a unit’s queue (keyset-paged, overdue), closed when decided', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const ids = await comments(ctx, id, ['甲', '乙', '丙', '丁', '戊']);
      const mk = (name: string, as: Role = 'admin') =>
        ctx.staff({ method: 'POST', url: '/api/v1/units', payload: { name } }, as);
      assert.equal((await mk('法规处', 'reviewer')).statusCode, 403);
      const law = (await mk('法规处')).json().id;
      const plan = (await mk('规划处')).json().id;
      assert.equal((await mk('法规处')).statusCode, 409);
      assert.deepEqual(
        (await ctx.staff({ url: '/api/v1/units' }, 'reviewer')).json().items.map((u: { name: string }) => u.name),
        ['法规处', '规划处'],
      );
      const assign = (payload: Record<string, unknown>) =>
        ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/assignments`, payload }, 'editor');
      assert.equal((await assign({ unit: law, due: '2030-02-30', comment: ids[0] })).statusCode, 400);
      assert.equal((await assign({ unit: 999, due: '2030-01-01', comment: ids[0] })).statusCode, 404);
      assert.equal((await assign({ unit: law, due: '2030-01-01', filter: { q: '没有这样的' } })).statusCode, 422);
      const first = (await assign({ unit: law, due: iso(-3).slice(0, 10), filter: { q: '甲' } })).json();
      assert.deepEqual([first.comments, first.awaiting, first.open, first.overdue], [1, 1, true, true]);
      for (const c of ids.slice(1, 4)) await assign({ unit: law, due: iso(5).slice(0, 10), comment: c });
      await assign({ unit: plan, due: iso(5).slice(0, 10), comment: ids[4] });

      // The unit's queue, a page at a time by id.
      const page1 = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?unit=${law}&limit=2` })).json();
      assert.deepEqual(
        page1.items.map((i: { id: number }) => i.id),
        ids.slice(0, 2),
      );
      assert.equal(page1.items[0].assignment.unitName, '法规处');
      assert.equal(page1.items[0].assignment.overdue, true);
      assert.equal(page1.items[1].assignment.overdue, false);
      const page2 = (
        await ctx.staff({ url: `/api/v1/consultations/${id}/comments?unit=${law}&limit=2&cursor=${page1.next}` })
      ).json();
      assert.deepEqual(
        page2.items.map((i: { id: number }) => i.id),
        ids.slice(2, 4),
      );
      assert.equal(page2.next, null);
      const overdue = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments?overdue=true` })).json().items;
      assert.deepEqual(
        overdue.map((i: { id: number }) => i.id),
        [ids[0]],
      );
      // Reassigning moves the comment; the assignment left with nothing closes.
      await assign({ unit: plan, due: iso(5).slice(0, 10), comment: ids[0] });
      const all = (await ctx.staff({ url: `/api/v1/consultations/${id}/assignments` })).json().items;
      const firstNow = all.find((a: { id: number }) => a.id === first.id);
      assert.deepEqual([firstNow.open, firstNow.comments], [false, 0]);
      // Decided by filter: the unit's open assignments close with their last comment.
      await ctx.staff(
        {
          method: 'POST',
          url: `/api/v1/consultations/${id}/decisions`,
          payload: { filter: { unit: law }, decision: 'adopted' },
        },
        'reviewer',
      );
      const open = (await ctx.staff({ url: `/api/v1/consultations/${id}/assignments?open=true&unit=${law}` })).json();
      assert.deepEqual(open.items, []);
      const auto = (await auditOf(ctx, id)).filter((e) => e.action === 'assignment.close');
      assert.ok(auto.length >= 4);
      assert.ok(auto.every((e) => e.actor.length > 0));
      await ctx.close();
    });

    test('internal notes with replies: staff only, audited, never in exports, the report or the public feedback', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const [a, b] = await comments(ctx, id, ['建议延长公示期。', '建议延长公示期！']);
      await ctx.db.query('UPDATE comments SET group_id = $2 WHERE consultation_id = $1', [id, a]);
      const note = (payload: Record<string, unknown>, as: Role = 'reviewer') =>
        ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/notes`, payload }, as);
      const SECRET = '内部意见：此条与上级批示有关';
      const first = await note({ comment: a, body: SECRET });
      assert.equal(first.statusCode, 201, first.body);
      const reply = await note({ comment: a, body: '同意，按批示办理。', replyTo: first.json().id }, 'signer');
      assert.equal(reply.json().replyTo, first.json().id);
      assert.equal((await note({ comment: b, body: '错位回复', replyTo: first.json().id })).statusCode, 422);
      assert.equal((await note({ comment: a, group: a, body: 'x' })).statusCode, 400);
      assert.equal((await note({ comment: 999999, body: 'x' })).statusCode, 404);
      assert.equal((await note({ group: a, body: `${SECRET}（分组）` })).statusCode, 201);
      const onComment = (await ctx.staff({ url: `/api/v1/consultations/${id}/notes?comment=${a}` }, 'editor')).json();
      assert.deepEqual(
        onComment.items.map((n: { body: string; author: string }) => [n.body, n.author.split(':')[0]]),
        [
          [SECRET, 'reviewer'],
          ['同意，按批示办理。', 'signer'],
        ],
      );
      assert.equal((await ctx.staff({ url: `/api/v1/consultations/${id}/notes?group=${a}` })).json().items.length, 1);
      assert.equal((await ctx.app.inject(`/api/v1/consultations/${id}/notes?comment=${a}`)).statusCode, 401);
      const log = (await auditOf(ctx, id)).filter((e) => e.action === 'note.add');
      assert.deepEqual(
        log.map((e) => e.actor.split(':')[0]),
        ['reviewer', 'signer', 'reviewer'],
      );

      for (const c of [a, b]) await decide(ctx, c!, { decision: 'adopted' });
      await close(ctx, id);
      await signOffAll(ctx, id);
      assert.equal((await publish(ctx, id)).statusCode, 201);
      const places = [
        await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` }),
        await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` }),
        await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }),
        await ctx.app.inject(`/api/v1/consultations/${id}/feedback`),
        await ctx.app.inject(`/api/v1/consultations/${id}/feedback/comments`),
      ];
      for (const res of places) {
        assert.equal(res.statusCode, 200, res.body.slice(0, 200));
        assert.ok(!res.body.includes('内部意见'), `a note leaked into ${res.raw.req?.url ?? 'an answer'}`);
        assert.ok(!res.body.includes('按批示办理'));
      }
      await ctx.close();
    });

    test('sign-off by filter of a 40,000-member group is one statement: a failure mid-way leaves none half-done', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const group = await campaign(ctx.db, id, 40_000, 'checked');
      // A row late in the group fails its update, as a crash part-way would stop it.
      await ctx.db.exec(`
        CREATE FUNCTION gk_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'failure part-way'; END $$;
        CREATE TRIGGER gk_test_fail BEFORE UPDATE ON comments FOR EACH ROW
          WHEN (NEW.id = ${group + 39_000} AND NEW.stage = 'signed') EXECUTE FUNCTION gk_test_fail();`);
      const failed = await step(ctx, id, { step: 'sign', group }, 'signer');
      assert.equal(failed.statusCode, 500);
      const count = async () =>
        (
          await ctx.db.query<{ stage: string; n: number }>(
            'SELECT stage, count(*)::int AS n FROM comments WHERE consultation_id = $1 GROUP BY stage ORDER BY stage',
            [id],
          )
        ).rows.map((r) => [r.stage, r.n]);
      assert.deepEqual(await count(), [['checked', 40_000]]);
      assert.equal((await auditOf(ctx, id)).filter((e) => e.action === 'comment.sign-off').length, 0);
      await ctx.db.exec('DROP TRIGGER gk_test_fail ON comments; DROP FUNCTION gk_test_fail()');

      if (name === 'PostgreSQL') {
        // Killed mid-way: the backend doing the UPDATE is terminated while it is at a late row.
        await ctx.db.exec(`
          CREATE FUNCTION gk_test_wait() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$;
          CREATE TRIGGER gk_test_wait BEFORE UPDATE ON comments FOR EACH ROW
            WHEN (NEW.id = ${group + 39_000} AND NEW.stage = 'signed') EXECUTE FUNCTION gk_test_wait();`);
        const killer = await sameDatabase(ctx.db);
        const signing = step(ctx, id, { step: 'sign', filter: { group } }, 'signer');
        let killed = 0;
        for (let i = 0; i < 300 && !killed; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const { rows } = await killer.query<{ n: number }>(
            `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
             WHERE wait_event = 'PgSleep' AND query LIKE '%UPDATE comments SET stage%'`,
          );
          killed = rows[0]!.n;
        }
        assert.equal(killed, 1, 'the signing backend was found and terminated');
        assert.equal((await signing).statusCode, 503, 'the database connection was lost');
        assert.deepEqual(await count(), [['checked', 40_000]]);
        await killer.exec('DROP TRIGGER gk_test_wait ON comments; DROP FUNCTION gk_test_wait()');
        await killer.close();
      }

      const done = await step(ctx, id, { step: 'sign', filter: { group } }, 'signer');
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().updated, 40_000);
      assert.deepEqual(await count(), [['signed', 40_000]]);
      const [entry] = (await auditOf(ctx, id)).filter((e) => e.action === 'comment.sign-off');
      assert.match(entry!.actor, /^signer:/);
      assert.equal(entry!.after.updated, 40_000);
      assert.equal((entry!.after.comments as number[]).length, 40_000);
      await ctx.close();
    });
  });
}
