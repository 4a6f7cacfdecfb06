import { describe, expect, it } from 'vitest';
import { looksLikeTargetName } from '../../../src/core/read/targetColumns';

describe('looksLikeTargetName', () => {
  it('takes outcomes and model outputs', () => {
    for (const name of [
      'Churn',
      'churned',
      'IsChurn',
      'Exited',
      'Attrition_Flag',
      'Attrition',
      'Response',
      'Outcome',
      'Target',
      'label',
      'y',
      'churn_prob',
      'churn_probability',
      'p_churn_proba',
      'churn_score',
      'propensity_score',
      'model_score',
      'prediction',
      'predicted_class',
      'y_pred',
      'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1',
      '流失',
      '是否流失',
      '流失概率',
      '预测值',
      '是否响应',
    ]) {
      expect(looksLikeTargetName(name), name).toBe(true);
    }
  });

  it('leaves measurements and attributes alone', () => {
    for (const name of [
      'Spending Score (1-100)',
      'CreditScore',
      'credit_score',
      'Income',
      'Recency',
      'AcceptedCmp1',
      'Complain',
      'species',
      'car_model',
      'labels_count',
      'problem',
      'Year_Birth',
      '年龄',
      '消费金额',
    ]) {
      expect(looksLikeTargetName(name), name).toBe(false);
    }
  });

  it('takes y as a coordinate, not a target, beside an x', () => {
    expect(looksLikeTargetName('y', ['x'])).toBe(false);
    expect(looksLikeTargetName('Y', ['X', 'z'])).toBe(false);
    expect(looksLikeTargetName('y', ['age', 'income'])).toBe(true);
  });
});
