import { DomainError, notFound } from '../common/domain-error';
import { EnrollmentEntity, EnrollmentStatus } from './enrollment.entity';

/** An enrollments row as SQL returns it (enroll_beneficiary's enrollment). */
export interface EnrollmentRow {
  id: string;
  beneficiary_id: string;
  module_id: string;
  status: EnrollmentStatus;
  charged_idr: number;
  enrolled_at: Date;
  completed_at: Date | null;
  certificate_code: string | null;
}

export function enrollmentFromRow(row: EnrollmentRow): EnrollmentEntity {
  return Object.assign(new EnrollmentEntity(), {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    moduleId: row.module_id,
    status: row.status,
    chargedIdr: row.charged_idr,
    enrolledAt: row.enrolled_at,
    completedAt: row.completed_at,
    certificateCode: row.certificate_code,
  });
}

/** What enroll_beneficiary raises as no_data_found (P0002), by its message. */
const MISSING: Record<string, string> = { module: 'Module', wallet: 'Wallet' };

/** enroll_beneficiary's refusal as the domain error it stands for; undefined for any other failure. */
export function enrolRefusal(error: unknown): DomainError | undefined {
  const driverError = (error as { driverError?: { code?: string; message?: string } })?.driverError;
  const missing = driverError?.code === 'P0002' ? MISSING[driverError.message ?? ''] : undefined;
  return missing ? notFound(missing) : undefined;
}
