import { ReviewModel } from './models/review.model';
import { ReviewEntity } from './review.entity';

export const toReviewModel = (review: ReviewEntity): ReviewModel => ({
  id: review.id,
  moduleId: review.moduleId,
  authorId: review.authorId,
  rating: review.rating,
  comment: review.comment,
  createdAt: review.createdAt,
});
