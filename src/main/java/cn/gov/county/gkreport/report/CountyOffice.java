package cn.gov.county.gkreport.report;

/**
 * The county office as its own consolidated report names it on the cover (the report goes one
 * level up like a unit's): its code and whom the city asks about it.
 *
 * @param code    the county's code ({@code consolidator.county-code})
 * @param contact the office's contact person ({@code consolidator.county-contact}), empty when not set
 * @param phone   the office's phone ({@code consolidator.county-phone}), empty when not set
 */
public record CountyOffice(String code, String contact, String phone) {

    public CountyOffice {
        contact = contact == null ? "" : contact.strip();
        phone = phone == null ? "" : phone.strip();
    }
}
