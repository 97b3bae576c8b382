package io.loadout.allocation;

/** Balance ledger entry kinds. Credits: deposit, refund. Debits: goods, shipping, service fee. */
public enum LedgerKind {
    DEPOSIT, REFUND, GOODS_DEBIT, SHIPPING_DEBIT, SERVICE_FEE;

    public boolean credit() {
        return this == DEPOSIT || this == REFUND;
    }
}
