import { createRandom } from '../../src/core/common/random';
import { gaussian } from './customers';

/**
 * A customer survey export whose column names are the whole questions (issue #18: 150-character
 * names made the page 1,639 px wide): numeric and categorical columns, names of 150 characters
 * and more, several sharing their first 150 characters and differing only at the end, one in
 * Chinese, and a column of years. Seeded: the same file every time.
 */
const SHARED =
  'Q7_On_a_scale_from_zero_to_ten_how_likely_are_you_to_recommend_us_to_a_friend_or_a_colleague_';
const TAIL = 'considering_everything_you_experienced_in_the_last_twelve_months_when_using_our_';

export const LONG_NUMERIC_NAMES: readonly string[] = [
  `${SHARED}${TAIL}online_store`,
  `${SHARED}${TAIL}mobile_app`,
  `${SHARED}${TAIL}customer_service_line`,
  `${SHARED}${TAIL}physical_shops`,
  'Total_amount_spent_in_euros_across_all_channels_during_the_last_complete_financial_year_including_taxes_but_excluding_refunds_vouchers_and_all_gift_cards',
  'Number_of_separate_visits_to_any_of_our_shops_or_websites_recorded_by_the_loyalty_programme_during_the_last_complete_financial_year_before_this_survey',
  'Age_of_the_respondent_in_completed_years_at_the_date_of_the_survey_as_declared_in_the_questionnaire_and_checked_against_the_loyalty_programme_own_records',
  'Year_in_which_the_respondent_first_joined_the_loyalty_programme_according_to_the_membership_database_or_the_first_receipt_found_with_their_card_number',
  '受访者在过去十二个月内通过线上商城、移动应用和线下门店购买商品的平均每单金额（人民币元，含税，不含退款、优惠券和礼品卡，按订单完成日期统计，并按会员卡号与问卷答复逐一核对后得出的结果，用于本次客户细分分析）以及相关的补充说明和数据来源注释，其中线上订单以支付完成时间为准，线下订单以小票打印时间为准，跨年度的分期付款订单按首期付款日期计入当年，团购订单按实际收货人计入，员工内购订单不计入本统计口径',
  'Share_of_purchases_in_percent_made_with_a_promotional_code_or_during_a_seasonal_sale_over_the_last_complete_financial_year_rounded_to_one_decimal_place',
  'Average_number_of_days_between_two_consecutive_purchases_over_the_last_complete_financial_year_for_respondents_with_at_least_two_purchases_in_that_year',
  'Satisfaction_score_given_to_the_delivery_service_from_one_very_dissatisfied_to_five_very_satisfied_averaged_over_all_deliveries_received_in_the_last_year',
];

export const LONG_CATEGORICAL_NAMES: readonly string[] = [
  'Region_of_residence_of_the_respondent_as_declared_in_the_questionnaire_using_the_five_sales_regions_defined_by_the_company_in_its_annual_report_of_2023',
  'Preferred_channel_for_receiving_offers_and_news_chosen_by_the_respondent_in_the_questionnaire_among_email_text_message_post_or_no_contact_at_all_please',
  'Membership_tier_of_the_loyalty_programme_held_by_the_respondent_on_the_date_of_the_survey_according_to_the_membership_database_of_the_loyalty_programme',
];

const REGIONS = ['North', 'South', 'East', 'West', 'Centre', 'Overseas'];
const CHANNELS = ['email', 'text message', 'post', 'no contact'];
const TIERS = ['bronze', 'silver', 'gold'];

/** The survey as CSV text: `rows` respondents from three kinds of customers. */
export function generateLongNamesCsv(rows = 400, seed = 18): string {
  const random = createRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[random.int(values.length)];
  const header = [...LONG_NUMERIC_NAMES, ...LONG_CATEGORICAL_NAMES];
  const lines = [header.map(quote).join(',')];
  for (let i = 0; i < rows; i++) {
    const kind = i % 3; // detractors, passives, promoters
    const score = (mean: number) =>
      Math.min(10, Math.max(0, Math.round(gaussian(random, mean + kind * 3, 1.2))));
    const numbers = [
      score(2),
      score(2.5),
      score(1.5),
      score(3),
      Math.round(gaussian(random, 800 + kind * 1500, 300) * 100) / 100,
      Math.max(1, Math.round(gaussian(random, 5 + kind * 6, 2))),
      Math.round(gaussian(random, 30 + kind * 12, 6)),
      2010 + Math.min(14, random.int(8) + kind * 3),
      Math.round(gaussian(random, 120 + kind * 90, 25) * 100) / 100,
      Math.round(Math.min(100, Math.max(0, gaussian(random, 40 - kind * 12, 8))) * 10) / 10,
      Math.round(Math.max(1, gaussian(random, 90 - kind * 25, 12))),
      Math.round(Math.min(5, Math.max(1, gaussian(random, 2.5 + kind * 0.8, 0.6))) * 100) / 100,
    ];
    const categories = [pick(REGIONS), pick(CHANNELS), TIERS[kind]];
    lines.push([...numbers.map(String), ...categories.map(quote)].join(','));
  }
  return lines.join('\n') + '\n';
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
