import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { NormalizeEmail, Trim } from '../../common/transforms';
import { ContributorKind } from '../user.entity';
import { NewPassword } from './password';

@InputType({ isAbstract: true })
export class AccountInput {
  @Field()
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  @NewPassword()
  password!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(2, 80, { message: 'displayName must be 2 to 80 characters' })
  @PlainText()
  displayName!: string;
}

@InputType('RegisterContributorInput')
export class RegisterContributorInput extends AccountInput {
  @Field(() => ContributorKind)
  @IsEnum(ContributorKind)
  kind!: ContributorKind;

  @Field(() => String, { nullable: true, description: 'Required when kind is ORGANIZATION.' })
  @Trim()
  @ValidateIf((input: RegisterContributorInput) => input.kind === ContributorKind.ORGANIZATION || input.organizationName != null)
  @IsString({ message: 'organizationName is required for an ORGANIZATION' })
  @Length(2, 120, { message: 'organizationName must be 2 to 120 characters' })
  @PlainText()
  organizationName?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @PlainText()
  bio?: string | null;
}

@InputType('RegisterBeneficiaryInput')
export class RegisterBeneficiaryInput extends AccountInput {
  @Field({ description: 'Exactly 16 digits; unique.' })
  @Trim()
  @Matches(/^\d{16}$/, { message: 'prakerjaCardNumber must be exactly 16 digits' })
  prakerjaCardNumber!: string;

  @Field(() => [String], { nullable: true, defaultValue: [], description: "Free-text interests, e.g. ['pemasaran digital', 'menjahit']; at most 20." })
  @Trim()
  @IsOptional()
  @ArrayMaxSize(20, { message: 'interests may have at most 20 items' })
  @IsString({ each: true })
  @Length(2, 60, { each: true, message: 'each interest must be 2 to 60 characters' })
  @PlainText({ each: true })
  interests?: string[] | null;
}

@InputType('CreateCuratorInput')
export class CreateCuratorInput extends AccountInput {}
