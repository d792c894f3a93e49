import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThrottleService } from '../throttling/throttle.service';
import { normalizeCertificateCode } from './certificate-code';
import { CertificateVerificationModel } from './models/certificate-verification.model';

/** The one answer to every code that is not a certificate: nothing in it tells why. */
const INVALID: Readonly<CertificateVerificationModel> = Object.freeze({
  valid: false,
  moduleTitle: null,
  moduleSlug: null,
  contributorName: null,
  learnerName: null,
  completedAt: null,
  quizzesPassed: 0,
  quizzesTotal: 0,
});

/** Public certificate checks: what an employer asks of a Prakerja certificate. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttles: ThrottleService,
  ) {}

  /**
   * Every check counts against the client's address before anything is read.
   * The module's title is the approved one (modules.title; a pending revision
   * lives apart); the contributor's name is the current one, as the catalogue shows it.
   */
  async verify(typedCode: string, address: string): Promise<CertificateVerificationModel> {
    await this.throttles.consumeCertificateCheck(address);
    const code = normalizeCertificateCode(typedCode);
    if (!code) return { ...INVALID };
    const [row]: CertificateRow[] = await this.dataSource.query(
      `SELECT m.title, m.slug, coalesce(u.organization_name, u.display_name) AS contributor_name,
              e.certificate_learner_name, e.completed_at, e.certificate_quizzes_total,
              (SELECT count(DISTINCT a.lesson_id)::int FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.passed) AS quizzes_passed
         FROM enrollments e JOIN modules m ON m.id = e.module_id JOIN users u ON u.id = m.contributor_id
        WHERE e.certificate_code = $1`,
      [code],
    );
    if (!row) return { ...INVALID };
    return {
      valid: true,
      moduleTitle: row.title,
      moduleSlug: row.slug,
      contributorName: row.contributor_name,
      learnerName: row.certificate_learner_name,
      completedAt: row.completed_at,
      quizzesPassed: row.quizzes_passed,
      quizzesTotal: row.certificate_quizzes_total,
    };
  }
}

interface CertificateRow {
  title: string;
  slug: string;
  contributor_name: string;
  certificate_learner_name: string;
  completed_at: Date;
  certificate_quizzes_total: number;
  quizzes_passed: number;
}
