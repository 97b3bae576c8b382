package io.loadout.bare;

import io.quarkus.funqy.Funq;

/**
 * The least a Quarkus function can be: the cold-start baseline the bench divides every Loadout function by. It
 * returns nothing because Funqy's CloudEvents binding refuses a value ("A background function cannot return a
 * value"); its answer is the binding's 200.
 */
public class BareFunction {

    @Funq
    public void bare() {
        // nothing to do: the constant answer is the acknowledgement itself
    }
}
