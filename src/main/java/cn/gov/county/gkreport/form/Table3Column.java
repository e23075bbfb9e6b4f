package cn.gov.county.gkreport.form;

/**
 * An applicant column of 表三.
 *
 * @param organisation whether it sits under the merged 法人或其他组织 header
 * @param derived      the 总计 column, the sum of the others
 */
public record Table3Column(String code, String label, boolean organisation, boolean derived) {
}
