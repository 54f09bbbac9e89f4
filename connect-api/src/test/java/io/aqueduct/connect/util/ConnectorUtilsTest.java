package io.aqueduct.connect.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectorUtilsTest {

    private static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

    @Test
    void evenSplit() {
        assertEquals(List.of(List.of(1, 2, 3, 4, 5)), ConnectorUtils.groupPartitions(FIVE, 1));
        assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5)),
            ConnectorUtils.groupPartitions(FIVE, 5));
    }

    @Test
    void unevenSplitPutsTheLargerGroupsFirst() {
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5)), ConnectorUtils.groupPartitions(FIVE, 2));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), ConnectorUtils.groupPartitions(FIVE, 3));
    }

    @Test
    void moreGroupsThanElementsLeavesTrailingGroupsEmpty() {
        assertEquals(List.of(List.of(1), List.of(2), List.of(), List.of()),
            ConnectorUtils.groupPartitions(List.of(1, 2), 4));
    }

    @Test
    void emptyInputGivesEmptyGroups() {
        assertEquals(List.of(List.of(), List.of(), List.of()), ConnectorUtils.groupPartitions(List.of(), 3));
    }

    @Test
    void groupsAreContiguousAndBalancedForManySizes() {
        for (int size = 0; size <= 30; size++) {
            List<Integer> elements = IntStream.range(0, size).boxed().toList();
            for (int groups = 1; groups <= 12; groups++) {
                List<List<Integer>> result = ConnectorUtils.groupPartitions(elements, groups);
                List<Integer> concatenated = new ArrayList<>();
                result.forEach(concatenated::addAll);
                int min = result.stream().mapToInt(List::size).min().orElseThrow();
                int max = result.stream().mapToInt(List::size).max().orElseThrow();

                assertEquals(groups, result.size());
                assertEquals(elements, concatenated);
                assertTrue(max - min <= 1, "sizes differ by more than one for " + size + "/" + groups);
            }
        }
    }

    @Test
    void groupsAreIndependentModifiableLists() {
        List<Integer> source = new ArrayList<>(FIVE);
        List<List<Integer>> groups = ConnectorUtils.groupPartitions(source, 2);

        groups.get(0).add(99);
        source.set(4, 0);

        assertEquals(List.of(1, 2, 3, 99), groups.get(0));
        assertEquals(List.of(4, 5), groups.get(1));
    }

    @Test
    void nonPositiveGroupCountIsRejectedNamingTheValue() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> ConnectorUtils.groupPartitions(FIVE, 0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
            () -> ConnectorUtils.groupPartitions(FIVE, -3));

        assertTrue(zero.getMessage().contains("numGroups") && zero.getMessage().contains("0"), zero.getMessage());
        assertTrue(negative.getMessage().contains("-3"), negative.getMessage());
    }
}
