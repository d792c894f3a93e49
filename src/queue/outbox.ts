import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { JobName, JobPayloads } from './jobs';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';

/**
 * Records jobs in the caller's transaction; they run only if it commits. The
 * relay is woken the moment such a transaction commits (it also polls).
 */
@Injectable()
export class Outbox implements EntitySubscriberInterface {
  private readonly withJobs = new WeakSet<QueryRunner>();

  constructor(
    private readonly relay: OutboxRelay,
    @InjectDataSource() dataSource: DataSource,
  ) {
    dataSource.subscribers.push(this);
  }

  async enqueue<J extends JobName>(manager: EntityManager, job: J, payload: JobPayloads[J]): Promise<void> {
    await manager.insert(OutboxEventEntity, { job, payload });
    if (manager.queryRunner?.isTransactionActive) this.withJobs.add(manager.queryRunner);
    else this.relay.nudge();
  }

  /** After a committed statement that wrote outbox rows in SQL of its own (a database function): wakes the relay as enqueue's commit does. */
  written(): void {
    this.relay.nudge();
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (this.withJobs.delete(event.queryRunner)) this.relay.nudge();
  }
}
