// `atlas seed --demo [--remove]`: the shipped data plus the demonstration reviews, or their removal.
// Only on request: neither `npm start` nor a plain `atlas seed` loads anything invented.
import type { Db } from '../../db/connect.ts';
import { loadShippedData } from '../seed/shipped.ts';
import { DemoConflictError, loadDemoReviews, removeDemoReviews } from './seed.ts';

export async function runDemoCommand(db: Db, opts: { remove: boolean }): Promise<number> {
  if (opts.remove) {
    const removed = await removeDemoReviews(db);
    console.log(
      removed.editions.length
        ? `Demonstration reviews removed: ${removed.editions.length} editions (${removed.editions.map((e) => `${e.framework} ${e.label}`).join(', ')}), ${removed.assessments} assessments.`
        : 'No demonstration reviews to remove.',
    );
    return 0;
  }
  // The demo editions need the frameworks' criteria, which come with the shipped data.
  await loadShippedData(db);
  try {
    const loaded = await loadDemoReviews(db);
    const labels = [...new Set(loaded.editions.map((e) => e.label))].sort().join(', ');
    const frameworks = [...new Set(loaded.editions.map((e) => e.framework))].join(', ');
    console.log(
      `Demonstration reviews loaded (invented data, flagged demo): ${loaded.editions.length} published editions (${labels}) of ${frameworks}, ` +
        `${loaded.countries} countries, ${loaded.assessments} assessments` +
        (loaded.replaced ? `; replaced the ${loaded.replaced} demo editions of an earlier run` : '') +
        '. Remove them with `atlas seed --demo --remove`.',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DemoConflictError)) throw error;
    console.error(`atlas seed --demo: ${error.message}`);
    return 1;
  }
}
