import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Seeded by migration; read-only for the application. */
@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  name!: string;

  @Column('integer')
  position!: number;

  /** Kept exact by a database trigger on modules. */
  @Column({ type: 'integer', name: 'published_module_count', insert: false, update: false })
  publishedModuleCount!: number;
}
