package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesTest {

    @Test
    void isoWeeksRunMondayToSunday() {
        IsoWeek week = IsoWeek.parse("2026-W48");
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(IsoWeek.parse("2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(week).hasToString("2026-W48");
    }

    @Test
    void malformedOrNonexistentWeeksAreBadRequests() {
        for (String bad : new String[] {"2026-48", "2026-W5", "2027-W53", "2026-W00", "W48-2026", ""}) {
            assertThatThrownBy(() -> IsoWeek.parse(bad)).as(bad).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).status()).isEqualTo(400);
        }
    }

    private static final BigDecimal CEILING = new BigDecimal("80");

    private static void check(IsoWeek week, List<TimesheetEntry> entries) {
        TimesheetRules.checkEntries(week, entries, CEILING);
    }

    @Test
    void aWeekMayHoldNoMoreThanTheCeilingThoughEachDayIsValid() {
        IsoWeek week = IsoWeek.parse("2026-W48");
        LocalDate monday = week.monday();
        List<TimesheetEntry> atCeiling = java.util.stream.IntStream.range(0, 5)
                .mapToObj(d -> new TimesheetEntry(monday.plusDays(d), new BigDecimal("16"), null)).toList();
        assertThatCode(() -> check(week, atCeiling)).doesNotThrowAnyException();
        List<TimesheetEntry> wholeWeek = java.util.stream.IntStream.range(0, 7)
                .mapToObj(d -> new TimesheetEntry(monday.plusDays(d), new BigDecimal("24"), null)).toList();
        assertThatThrownBy(() -> check(week, wholeWeek)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("WEEKLY_HOURS_EXCEEDED");
    }

    @Test
    void timesheetEntriesMustBeInTheWeekOncePerDayAndWithinZeroToTwentyFour() {
        IsoWeek week = IsoWeek.parse("2026-W48");
        LocalDate monday = week.monday();
        assertThatCode(() -> check(week, List.of(
                new TimesheetEntry(monday, BigDecimal.ZERO, null),
                new TimesheetEntry(monday.plusDays(6), new BigDecimal("24"), null)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(week, List.of(
                new TimesheetEntry(monday, new BigDecimal("24.01"), null)))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> check(week, List.of(
                new TimesheetEntry(monday, new BigDecimal("-0.5"), null)))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> check(week, List.of(
                new TimesheetEntry(monday.minusDays(1), BigDecimal.ONE, null)))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> check(week, List.of(
                new TimesheetEntry(monday, BigDecimal.ONE, null), new TimesheetEntry(monday, BigDecimal.ONE, null))))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void leaveNeedsOrderedDatesAndPlausibleHours() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThatCode(() -> LeaveRules.checkNewRequest(day, day.plusDays(1), new BigDecimal("48")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> LeaveRules.checkNewRequest(day, day.minusDays(1), BigDecimal.ONE))
                .hasMessageContaining("end_date");
        assertThatThrownBy(() -> LeaveRules.checkNewRequest(day, day, new BigDecimal("24.5")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LeaveRules.checkNewRequest(day, day, BigDecimal.ZERO))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void overlapIncludesSharedBoundaryDays() {
        LeaveRequest request = new LeaveRequest("r", "e", "u", LeaveType.ANNUAL, LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 11), BigDecimal.TEN, null, LeaveStatus.PENDING, "u", null, null, null, null,
                null, null);
        assertThat(request.overlaps(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 14))).isTrue();
        assertThat(request.overlaps(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(request.overlaps(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 14))).isFalse();
    }
}
