import { PlainTextFields1764820000000 } from '../../migrations/1764820000000-plain-text-fields';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { createModule, publishedModule } from '../factories/modules';
import { unsafeHtmlFindings } from '../support/html-safety';
import { startTestApp, TestApp } from '../support/test-app';

describe('migration 1764820000000: plain-text fields written before markup was refused', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  it('puts a space after each tag-opening <, re-syncs changed PUBLISHED modules, and leaves clean rows alone', async () => {
    const published = await publishedModule(t, owner.token, curator.token);
    const draft = await createModule(t, owner.token);
    // Rows as the old code let them be written.
    await t.db.query(`UPDATE modules SET title = '<img src=x onerror=alert(1)> Judul', skills = ARRAY['<b>tebal</b>', 'a < b'] WHERE id = $1`, [published.id]);
    await t.db.query(`UPDATE users SET display_name = '<svg onload=alert(1)>', bio = 'aman <3' WHERE id = $1`, [owner.id]);
    await t.db.query(`UPDATE lessons SET title = '<!-- x --><script>alert(1)</script>' WHERE module_id = $1`, [published.id]);
    const [before] = await t.db.query(`SELECT title, updated_at FROM modules WHERE id = $1`, [draft.id]);
    const [{ queued: queuedBefore }] = await t.db.query(`SELECT count(*)::int AS queued FROM outbox_events WHERE payload->>'moduleId' = $1`, [published.id]);

    const runner = t.db.createQueryRunner();
    try {
      await new PlainTextFields1764820000000().up(runner);
    } finally {
      await runner.release();
    }

    const [module] = await t.db.query(`SELECT title, skills FROM modules WHERE id = $1`, [published.id]);
    expect(module).toEqual({ title: '< img src=x onerror=alert(1)> Judul', skills: ['< b>tebal< /b>', 'a < b'] });
    const [user] = await t.db.query(`SELECT display_name, bio FROM users WHERE id = $1`, [owner.id]);
    expect(user).toEqual({ display_name: '< svg onload=alert(1)>', bio: 'aman <3' });
    const [lesson] = await t.db.query(`SELECT title FROM lessons WHERE module_id = $1`, [published.id]);
    expect(lesson.title).toBe('< !-- x -->< script>alert(1)< /script>');
    expect([module.title, ...module.skills, user.display_name, lesson.title].flatMap(unsafeHtmlFindings)).toEqual([]);
    expect((await t.db.query(`SELECT title, updated_at FROM modules WHERE id = $1`, [draft.id]))[0]).toEqual(before);
    const [{ queued }] = await t.db.query(`SELECT count(*)::int AS queued FROM outbox_events WHERE payload->>'moduleId' = $1`, [published.id]);
    expect(queued).toBe(queuedBefore + 1);
  });
});
