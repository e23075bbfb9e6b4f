package cn.gov.county.gkreport.consolidate;

import java.time.LocalDateTime;

/**
 * The record of one consolidation: when it computed, and how the roster stood.
 */
public record ConsolidationRun(long jobExecutionId, int year, LocalDateTime computedAt, int expected, int accepted,
                               int rejected, int missing, String workbookPath) {
}
