import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ModuleModel } from '../../catalog/models/module.model';

@ObjectType('FreeOptions', {
  description:
    "Free modules for a beneficiary. creditExhausted is true when the training\ncredit balance is below Rp1. Modules exclude those the beneficiary is already\nenrolled in, are PUBLISHED, and are ranked by fit to the beneficiary's\ninterests, the categories and skills of their past enrollments, and the\n'like' text when given; popularity and rating break ties.",
})
export class FreeOptionsModel {
  @Field()
  creditExhausted!: boolean;

  @Field(() => Int)
  balanceIdr!: number;

  @Field(() => [ModuleModel])
  modules!: ModuleModel[];
}
