package io.loadout.orders;

import io.loadout.imports.table.Column;
import io.loadout.imports.table.ColumnType;
import io.loadout.imports.table.RowModel;

/** A marketing-leads file's columns ({@code imports/leads/}): what the leads import reads, and what the README shows. */
public final class LeadsSheet {

    static final Column<String> FIRST_NAME = Column.optional("first_name", new ColumnType.Text(100),
            "The lead's first name (or a full name in name)", "ana").alsoNamed("fst_nam", "given name");
    static final Column<String> LAST_NAME = Column.optional("last_name", new ColumnType.Text(100),
            "The lead's last name", "lima").alsoNamed("lst_nam", "surname", "family name");
    static final Column<String> NAME = Column.optional("name", new ColumnType.Text(200),
            "The full name, when there are no first and last names", "ana lima").alsoNamed("full name", "customer name");
    static final Column<String> EMAIL = Column.optional("email", new ColumnType.Text(320),
            "Email address; leads are matched to customers by it first", "ana@example.com").alsoNamed("email address");
    static final Column<String> PHONE = Column.optional("phone", new ColumnType.Text(40),
            "Phone number; matched (in E.164) when there is no email match", "+44 7700 900123")
            .alsoNamed("phone number", "mobile", "telephone", "phone 1");
    static final Column<String> ADDRESS = Column.optional("address", new ColumnType.Text(1000),
            "Postal address", "1 Main St, Leeds").alsoNamed("street address");

    public static final RowModel MODEL = RowModel.of(LeadsImporter.KIND, FIRST_NAME, LAST_NAME, NAME, EMAIL, PHONE,
            ADDRESS).ignoringUnknownColumns();

    private LeadsSheet() {
    }
}
