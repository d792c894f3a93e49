/**
 * Undo actions (kill a child, drop a database, remove a directory), run in
 * reverse order once at the end of the run, on failure and on Ctrl-C too.
 */
export class CleanupStack {
  private readonly actions: { name: string; run: () => Promise<void> | void }[] = [];
  private running?: Promise<void>;

  push(name: string, run: () => Promise<void> | void): () => Promise<void> {
    const action = { name, run };
    this.actions.push(action);
    // Runs one action early (e.g. stopping the API between phases) and forgets it.
    return async () => {
      const index = this.actions.indexOf(action);
      if (index >= 0) {
        this.actions.splice(index, 1);
        await action.run();
      }
    };
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.actions.length > 0) {
        const action = this.actions.pop()!;
        try {
          await action.run();
        } catch (error) {
          console.error(`cleanup: ${action.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}
