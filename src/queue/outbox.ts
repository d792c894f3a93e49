import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from './jobs';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';

/** Records jobs in the caller's transaction; they run only if it commits. */
@Injectable()
export class Outbox {
  constructor(private readonly relay: OutboxRelay) {}

  async enqueue<J extends JobName>(manager: EntityManager, job: J, payload: JobPayloads[J]): Promise<void> {
    await manager.insert(OutboxEventEntity, { job, payload });
    // The relay also polls; this only shortens the wait once the transaction has committed.
    this.relay.nudgeSoon();
  }
}
