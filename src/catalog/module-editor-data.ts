import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { LoaderRegistry, Loaders } from '../graphql/loaders';
import { ModerationService } from '../moderation/moderation.service';
import { canTransition, EDITABLE_STATUSES, ModerationAction, REVISION_EDITED_IN_PLACE } from '../moderation/module-status-machine';
import { RelatedModule } from '../moderation/views/moderation-findings.view';
import { HistoryEntry } from '../moderation/views/moderation-history.view';
import { CatalogService } from './catalog.service';
import { CategoryReference } from './category-directory';
import { servedHtml } from './markdown/served-markdown';
import { canSee } from './module-access';
import { StoredModerationCheck } from './module.entity';
import { editorValuesOf, EditorValues } from './module-editor.form';
import { ModuleStatus } from './module-status';

/** The owner's saved module as the editor page shows it, beside the form. */
export interface SavedModule {
  id: string;
  slug: string;
  /** The title as saved (the pending revision's when there is one). */
  title: string;
  status: ModuleStatus;
  version: number;
  /** The pending revision's status (a PUBLISHED module's edit waiting for curators), or null. */
  revisionStatus: ModuleStatus | null;
  /** The curator's latest note to the owner (the revision's, else the latest decision's in the history). */
  reviewNote: string | null;
  editable: boolean;
  canSubmit: boolean;
  canArchive: boolean;
  /** Findings stored at the latest submission (the API's visibleChecks), null when never submitted. */
  storedChecks: StoredModerationCheck[] | null;
  /** Findings submit would store now, on the saved draft (nothing stored); null when it cannot be edited. */
  previewChecks: StoredModerationCheck[] | null;
  related: Map<string, RelatedModule>;
  history: HistoryEntry[];
}

export interface EditorPreview {
  descriptionHtml: string;
  lessons: { title: string; bodyHtml: string | null }[];
}

/** History actions whose note speaks to the owner. */
const NOTED_DECISIONS = new Set([ModerationAction.REQUEST_CHANGES, ModerationAction.REJECT, ModerationAction.UNPUBLISH, ModerationAction.APPROVE]);

/** What /kontributor/modul/{id} shows, through the services the updateModule, submitModule and Module fields use. */
@Injectable()
export class ModuleEditorData {
  constructor(
    private readonly catalog: CatalogService,
    private readonly moderation: ModerationService,
    private readonly loaderRegistry: LoaderRegistry,
  ) {}

  categories(): Promise<CategoryReference[]> {
    return this.catalog.categories();
  }

  /** The saved module (its pending revision's content when there is one) as form values, and its submission state. */
  async load(viewer: Viewer, id: string): Promise<{ saved: SavedModule; values: EditorValues }> {
    const { module, lessons, revision } = await this.catalog.ownModule(viewer, id);
    const content = revision ? { ...module, ...revision, id: module.id, status: module.status } : module;
    const category = await this.catalog.category(content.categoryId);
    const values = editorValuesOf(content, category.slug, revision ? revision.lessons : lessons);
    const editable = EDITABLE_STATUSES.has(module.status);
    const submitted = revision ? revision.submittedAt : module.submittedAt;
    const loaders = this.loaderRegistry.forRequest();
    const [events, previewChecks] = await Promise.all([
      this.moderation.histories([module.id]).then(([all]) => all),
      editable ? this.moderation.previewChecks(viewer, module.id) : null,
    ]);
    const storedChecks = submitted ? this.moderation.visibleChecks(viewer, { contributorId: module.contributorId, storedChecks: revision ? revision.moderationChecks : module.moderationChecks }) : null;
    const history = await Promise.all(
      events.map(async (event) => ({ ...event, actorName: (await loaders.users.load(event.actorId))?.displayName ?? '' })),
    );
    const latestNote = [...events].reverse().find((event) => NOTED_DECISIONS.has(event.action) && event.note)?.note ?? null;
    return {
      values,
      saved: {
        id: module.id,
        slug: module.slug,
        title: content.title,
        status: module.status,
        version: module.version,
        revisionStatus: revision?.status ?? null,
        reviewNote: revision ? revision.reviewNote : latestNote,
        editable,
        canSubmit: revision ? REVISION_EDITED_IN_PLACE.has(revision.status) : canTransition(ModerationAction.SUBMIT, module.status),
        canArchive: canTransition(ModerationAction.ARCHIVE, module.status),
        storedChecks,
        previewChecks,
        related: await this.relatedOf(viewer, [...(storedChecks ?? []), ...(previewChecks ?? [])], loaders),
        history,
      },
    };
  }

  /** Markdown as the catalogue serves it (descriptionHtml, bodyHtml): the same sanitiser, nothing saved. */
  preview(values: EditorValues): EditorPreview {
    return {
      descriptionHtml: servedHtml(values.description),
      lessons: values.lessons.map((lesson) => ({ title: lesson.title, bodyHtml: lesson.body.trim() ? servedHtml(lesson.body) : null })),
    };
  }

  /**
   * Modules the findings name, as this viewer may know them: PUBLISHED ones
   * link to their page, the viewer's own others by title only; anyone else's
   * unpublished module is left out (the module query would not show it either).
   */
  private async relatedOf(viewer: Viewer, checks: StoredModerationCheck[], loaders: Loaders): Promise<Map<string, RelatedModule>> {
    const ids = [...new Set(checks.flatMap((check) => check.relatedModuleIds))];
    const modules = await Promise.all(ids.map((id) => loaders.modules.load(id)));
    const related = new Map<string, RelatedModule>();
    for (const module of modules) {
      if (!module || !canSee(viewer, module)) continue;
      const href = module.status === ModuleStatus.PUBLISHED ? `/modul/${encodeURIComponent(module.slug)}` : null;
      related.set(module.id, { id: module.id, title: module.title, href });
    }
    return related;
  }
}
