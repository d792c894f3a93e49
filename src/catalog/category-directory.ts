import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryEntity } from './category.entity';

/** A category without its module count (which changes with every publication). */
export type CategoryReference = Pick<CategoryEntity, 'id' | 'slug' | 'name' | 'position'>;

interface Directory {
  ordered: CategoryReference[];
  byId: Map<string, CategoryReference>;
}

/**
 * The categories, read once per process: they are seeded by migration and the
 * application never writes them, yet nearly every request names one.
 */
@Injectable()
export class CategoryDirectory {
  private directory?: Promise<Directory>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<CategoryReference[]> {
    return (await this.load()).ordered;
  }

  async byId(id: string): Promise<CategoryReference | undefined> {
    return (await this.load()).byId.get(id);
  }

  private load(): Promise<Directory> {
    this.directory ??= this.read().catch((error: unknown) => {
      this.directory = undefined; // a failed read is retried by the next caller
      throw error;
    });
    return this.directory;
  }

  private async read(): Promise<Directory> {
    const rows = await this.dataSource.getRepository(CategoryEntity).find({ select: { id: true, slug: true, name: true, position: true }, order: { position: 'ASC' } });
    const ordered = rows.map(({ id, slug, name, position }) => ({ id, slug, name, position }));
    return { ordered, byId: new Map(ordered.map((category) => [category.id, category])) };
  }
}
