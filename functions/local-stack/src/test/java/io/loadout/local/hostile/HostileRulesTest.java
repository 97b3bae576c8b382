package io.loadout.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suites' own rules, without a server: samples that match, fields that count as named, leaks that show. */
class HostileRulesTest {

    @Test
    void aPatternSampleMatchesThePatternInFull() {
        for (String pattern : List.of("(19|20)[0-9]{2}", "[0-9]{4}|[0-9]{6}|[0-9]{8}", "[A-Za-z][A-Za-z0-9_]{0,49}",
                "PO-\\d+", "[A-Z0-9]{10}")) {
            assertThat(PatternSample.of(pattern)).as(pattern).matches(pattern);
        }
    }

    @Test
    void aFieldCountsAsNamedWhenItIsTheMutatedOneItsParentOrInsideIt() {
        assertThat(ProblemBody.sameInput("items[0].qty", "items[0].qty")).isTrue();
        assertThat(ProblemBody.sameInput("items[0]", "items[0].qty")).isTrue();
        assertThat(ProblemBody.sameInput("items[0].qty", "items")).isTrue();
        assertThat(ProblemBody.sameInput("items.qty", "items[0].qty")).isFalse();
        assertThat(ProblemBody.sameInput("body", "items[0].qty")).isFalse();
        assertThat(ProblemBody.sameInput("item", "items")).isFalse();
    }

    @Test
    void aRuleBetweenTwoFieldsMayNameTheOtherOneButANearMissStaysWrong() {
        assertThat(ProblemBody.crossFieldRule(List.of("deposit"), "amount",
                "{\"detail\":\"the deposit exceeds the amount 1\",\"field\":\"deposit\"}")).isTrue();
        assertThat(ProblemBody.crossFieldRule(List.of("items.store"), "items[0].store",
                "{\"detail\":\"items.store must not be blank\"}")).isFalse();
        assertThat(ProblemBody.crossFieldRule(List.of("name"), "amount", "{\"detail\":\"name is blank\"}")).isFalse();
    }

    @Test
    void internalsShowInTextButNotInImages() {
        assertThat(ProblemBody.leakedInternal("application/problem+json",
                "Cannot construct instance of `io.loadout.allocation.AutoFbaFeed`")).isEqualTo("io.loadout.");
        assertThat(ProblemBody.leakedInternal("image/jpeg", "java.lang.Exception")).isNull();
        assertThat(ProblemBody.leakedInternal("application/json", "{\"name\":\"x\"}")).isNull();
    }

    @Test
    void aLeakIsAMarkerOrAnIdOfTheOtherTenantInAFieldOfItsKind() {
        var detector = new LeakDetector(List.of("zqxbeta"), Map.of("client", Set.of("7"), "store", Set.of("9")));
        assertThat(detector.leaks("/api/allocation/stores", "{\"items\":[{\"id\":9,\"clients\":[\"C-ZQXBETA\"]}]}"))
                .containsExactly("marker zqxbeta", "store id 9 at items[0].id");
        assertThat(detector.leaks("/api/allocation/carts", "{\"items\":[{\"id\":7,\"client\":{\"id\":7}}]}"))
                .containsExactly("client id 7 at items[0].client.id");
        assertThat(detector.leaks("/api/allocation/pallets/3", "{\"id\":3,\"clientId\":7}"))
                .containsExactly("client id 7 at clientId");
        assertThat(detector.leaks("/api/allocation/lots", "{\"items\":[{\"id\":7,\"storeId\":8}]}")).isEmpty();
    }

    @Test
    void kindsComeFromCollectionsAndIdFieldNames() {
        assertThat(LeakDetector.kindOf("clients")).isEqualTo("client");
        assertThat(LeakDetector.kindOf("baseProduct")).isEqualTo("base-product");
        assertThat(LeakDetector.kindOf("base-products")).isEqualTo("base-product");
        assertThat(LeakDetector.kindOf("config")).isEqualTo("configuration");
        assertThat(LeakDetector.kindOf("transfer-suggestions")).isEqualTo("transfer-suggestion");
    }
}
