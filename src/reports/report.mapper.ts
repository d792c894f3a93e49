import { ReportModel } from './models/report.model';
import { ReportEntity } from './report.entity';

export const toReportModel = (report: ReportEntity): ReportModel => ({
  id: report.id,
  moduleId: report.moduleId,
  reporterId: report.reporterId,
  reason: report.reason,
  details: report.details,
  status: report.status,
  resolutionNote: report.resolutionNote,
  createdAt: report.createdAt,
  resolvedAt: report.resolvedAt,
});
