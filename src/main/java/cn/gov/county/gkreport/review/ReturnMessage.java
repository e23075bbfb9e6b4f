package cn.gov.county.gkreport.review;

/** What a unit reads about a return: in 校验问题, its feedback copy and the reply mail. */
final class ReturnMessage {

    private ReturnMessage() {
    }

    static String of(ReviewDecision decision) {
        return "审核退回：" + decision.reason() + "。本版本已通过各项校验，但经审核退回，暂不计入汇总；请按审核意见修改后重新报送整个文件。";
    }
}
