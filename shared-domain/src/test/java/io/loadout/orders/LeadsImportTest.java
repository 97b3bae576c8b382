package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer.ImportContext;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.shared.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leads: new ones become customers, known ones (by email, then phone) do not, names are title-cased. */
@QuarkusTest
class LeadsImportTest {

    @Inject
    AccountService accounts;
    @Inject
    CustomerService customers;
    @Inject
    LeadsImporter leads;

    Caller storefront;
    String tag;

    @BeforeEach
    void theStorefrontSellerWithTwoCustomers() {
        String email = "storefront-seller@loadout.test"; // the storefront seller of the test profile
        long id = accounts.idByEmail(email)
                .orElseGet(() -> accounts.create(new NewAccount("Operator's storefront", email, Role.ADMIN)).id());
        storefront = new Caller(id, Role.ADMIN);
        tag = UUID.randomUUID().toString().substring(0, 8);
        customers.create(storefront, new NewCustomer("Known By Email", "known-" + tag + "@leads.test", null, null, Map.of(), null));
        customers.create(storefront, new NewCustomer("Known By Phone", null, "+44 7700 9" + phoneTail(1), null, Map.of(), null));
    }

    /** Six digits unique to this test run, so phone matches never cross tests. */
    private String phoneTail(int n) {
        return String.format("%05d", Math.abs((tag + n).hashCode()) % 100_000);
    }

    ImportResult importLeads(String csv, boolean dryRun) {
        return QuarkusTransaction.requiringNew().call(() -> leads.apply(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new ImportContext(1, "imports/leads/" + tag + ".csv", dryRun)));
    }

    @Test
    void newLeadsBecomeCustomersAndKnownOnesDoNot() {
        String csv = """
                First Name,Last Name,Email,Phone,Address
                ana,DE LIMA,new-%1$s@leads.test,,1 Main St
                Someone,Else,KNOWN-%1$s@LEADS.TEST,,
                By,Phone,,07700 9%2$s,
                o'neil,smith-JONES,other-%1$s@leads.test,+44 7700 9%3$s,
                Change,Name,change-%1$s@leads.test,,
                Ana,Again,new-%1$s@leads.test,,
                """.formatted(tag, phoneTail(1), phoneTail(2));

        var dry = importLeads(csv, true);
        assertThat(dry.detail()).startsWith("2 customers would be created: Ana De Lima <new-" + tag + "@leads.test>; "
                + "O'Neil Smith-Jones <other-" + tag + "@leads.test>");
        assertThat(customers.list(storefront, tag, PageRequest.first(50)).items()).hasSize(1);

        var result = importLeads(csv, false);
        assertThat(result.errors()).isEmpty();
        assertThat(result.outcomes().rowsNew()).isEqualTo(2);
        assertThat(result.rowsTotal()).isEqualTo(6);
        assertThat(result.rowsApplied()).as("the placeholder is read, not applied").isEqualTo(5);
        assertThat(result.outcomes().rowsUnchanged()).as("known by email, by phone, and a repeat in the file").isEqualTo(3);
        assertThat(result.detail()).contains("2 customers created: #").contains("Ana De Lima <new-" + tag)
                .contains("1 placeholder names (\"Change Name\") skipped");
        var created = customers.list(storefront, "new-" + tag, PageRequest.first(10)).items();
        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Ana De Lima");
            assertThat(c.address()).isEqualTo("1 Main St");
        });
        assertThat(customers.list(storefront, "change-" + tag, PageRequest.first(10)).items()).isEmpty();

        var again = importLeads(csv, false);
        assertThat(again.outcomes().rowsNew()).as("a second import creates nothing").isZero();
    }

    @Test
    void aBadRowIsReportedByLineAndNothingIsCreated() {
        var result = importLeads("""
                name,email,phone
                Good Lead,good-%1$s@leads.test,
                Bad Lead,not-an-address,
                No Contact,,
                """.formatted(tag), false);
        assertThat(result.rowsApplied()).isZero();
        assertThat(result.errors()).extracting(e -> e.row() + " " + e.field())
                .containsExactly("3 email", "4 email");
        assertThat(customers.list(storefront, "good-" + tag, PageRequest.first(10)).items()).isEmpty();
    }
}
