package io.loadout.allocation;

import static io.loadout.shared.BenchTiming.median;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The cart planner against the optimum OR-Tools CP-SAT proves for the same lots and budget, in the same run. */
final class CartBench {

    private CartBench() {
    }

    /** One report line per case: 200 and 1,000 lots at 37 % of their stock, and 1,000 lots at exactly all of it. */
    static List<String> run() {
        Loader.loadNativeLibraries();
        var lines = new ArrayList<String>();
        lines.add(compare("cart, 200 lots", lots(200), 37));
        lines.add(compare("cart, 1000 lots", lots(1_000), 37));
        lines.add(compare("cart, all of 1000 lots", lots(1_000), 100));
        return lines;
    }

    private static List<CartPlanner.Candidate> lots(int count) {
        var random = new Random(count);
        var candidates = new ArrayList<CartPlanner.Candidate>();
        for (int i = 0; i < count; i++) {
            candidates.add(new CartPlanner.Candidate(i, 199 + random.nextInt(7_800), 1 + random.nextInt(30)));
        }
        return candidates;
    }

    private static String compare(String name, List<CartPlanner.Candidate> candidates, int percentOfStock) {
        long stock = candidates.stream().mapToLong(c -> c.unitCents() * c.available()).sum();
        long budget = percentOfStock == 100 ? stock : stock * percentOfStock / 100 + 13;
        var plans = new ArrayList<CartPlanner.Plan>();
        double oursMs = median(() -> {
            long started = System.nanoTime();
            plans.add(CartPlanner.plan(candidates, budget));
            return (System.nanoTime() - started) / 1e6;
        });
        long ours = plans.get(0).totalCents();

        var model = new CpModel();
        IntVar[] x = new IntVar[candidates.size()];
        long[] price = new long[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            x[i] = model.newIntVar(0, candidates.get(i).available(), "x" + i);
            price[i] = candidates.get(i).unitCents();
        }
        var spend = LinearExpr.weightedSum(x, price);
        model.addLessOrEqual(spend, budget);
        model.maximize(spend);
        var solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(60).setNumWorkers(2);
        long started = System.nanoTime();
        var status = solver.solve(model);
        double solverMs = (System.nanoTime() - started) / 1e6;
        long optimum = (long) solver.objectiveValue();
        return String.format(Locale.ROOT, "%-24s budget %s: ours %s in %.1f ms (%.2f %% of CP-SAT's time); CP-SAT %s %s in %.0f ms"
                        + " => %.3f %% of optimum, %s unspent  [goal >= %d %% (the age rule), <= 200 ms]",
                name, money(budget), money(ours), oursMs, 100 * oursMs / solverMs,
                status == CpSolverStatus.OPTIMAL ? "optimum" : "best found (" + status + ")", money(optimum), solverMs,
                100.0 * ours / optimum, money(budget - ours), 100 - CartPlanner.AGE_MAY_COST_PERCENT);
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toString();
    }
}
