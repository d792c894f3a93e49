import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { servedHtml, servedMarkdown } from './markdown/served-markdown';
import { LessonModel } from './models/module.model';

/** A lesson's body, stored as the contributor wrote it, served made safe (null when the caller may not see content). */
@Resolver(() => LessonModel)
export class LessonFieldsResolver {
  @ResolveField(() => String, { nullable: true, description: 'Sanitised Markdown. Null under the same rule as contentUrl.' })
  body(@Parent() lesson: LessonModel): string | null {
    return servedMarkdown(lesson.body);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'body rendered to sanitised HTML on the server (the only HTML a client should insert). Null under the same rule as contentUrl.',
  })
  bodyHtml(@Parent() lesson: LessonModel): string | null {
    return servedHtml(lesson.body);
  }
}
