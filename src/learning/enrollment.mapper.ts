import { EnrollmentEntity } from './enrollment.entity';
import { EnrollmentModel } from './models/enrollment.model';

export const toEnrollmentModel = (enrollment: EnrollmentEntity): EnrollmentModel => ({
  id: enrollment.id,
  moduleId: enrollment.moduleId,
  status: enrollment.status,
  chargedIdr: enrollment.chargedIdr,
  enrolledAt: enrollment.enrolledAt,
  completedAt: enrollment.completedAt,
  certificateCode: enrollment.certificateCode,
});
