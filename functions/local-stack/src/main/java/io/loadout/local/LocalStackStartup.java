package io.loadout.local;

import io.loadout.account.AccountService;
import io.loadout.account.IssuedToken;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.orders.OrdersConfig;
import io.loadout.webhook.WebhookConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start: creates the operator account and, if enabled, demo client accounts, printing their tokens once.
 * Every start: prints where everything is.
 */
@ApplicationScoped
public class LocalStackStartup {

    private final AccountService accounts;
    private final LocalConfig config;
    private final LocalScheduler scheduler;
    private final String httpHost;
    private final int httpPort;
    private final String dbUrl;
    private final boolean mailLogOnly;
    private final String smtpHost;
    private final int smtpPort;
    private final WebhookConfig webhooks;
    private final OrdersConfig orders;

    LocalStackStartup(AccountService accounts, LocalConfig config, LocalScheduler scheduler,
                      @ConfigProperty(name = "quarkus.http.host") String httpHost,
                      @ConfigProperty(name = "quarkus.http.port") int httpPort,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String dbUrl,
                      @ConfigProperty(name = "quarkus.mailer.mock") boolean mailLogOnly,
                      @ConfigProperty(name = "quarkus.mailer.host") String smtpHost,
                      @ConfigProperty(name = "quarkus.mailer.port") int smtpPort, WebhookConfig webhooks,
                      OrdersConfig orders) {
        this.accounts = accounts;
        this.config = config;
        this.scheduler = scheduler;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.dbUrl = dbUrl;
        this.mailLogOnly = mailLogOnly;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.webhooks = webhooks;
        this.orders = orders;
    }

    void onStart(@Observes StartupEvent startup) {
        List<String> firstStart = new ArrayList<>();
        accounts.bootstrapAdmin().ifPresent(admin -> {
            firstStart.add("Admin token (shown once, keep it):  " + admin.secret().value());
            if (config.demoData()) {
                firstStart.add(demoClient("Acme Wholesale", "acme@example.com"));
                firstStart.add(demoClient("Bright Goods", "bright@example.com"));
            }
        });
        String base = "http://" + ("0.0.0.0".equals(httpHost) ? "localhost" : httpHost) + ":" + httpPort;
        var banner = new StringBuilder("\n\n=== Loadout local stack ===\n");
        firstStart.forEach(line -> banner.append("  ").append(line).append('\n'));
        banner.append("  API           ").append(base).append("/api/<capability>/…   (try ").append(base).append("/api/ops/health)\n")
                .append("  OpenAPI       ").append(base).append("/q/openapi   Swagger UI ").append(base).append("/q/swagger-ui\n")
                .append("  Database      ").append(dbUrl).append('\n')
                .append("  Bucket        ").append(config.bucketDir().toAbsolutePath().normalize())
                .append("   (drop files into imports/<kind>/)\n")
                .append("  Mail          ").append(mailLogOnly ? "logged to the console (set LOADOUT_SMTP_HOST to send)"
                        : "SMTP " + smtpHost + ":" + smtpPort).append('\n')
                .append("  Webhooks      ").append(base).append("/api/allocation/webhooks/{ungating,autofba}, signing secrets ")
                .append(webhooks.ungatingSecret().orElse("(unset)")).append(" / ")
                .append(webhooks.autofbaSecret().orElse("(unset)")).append('\n')
                .append("                ").append(base).append("/api/orders/webhooks/storefront, signing secret ")
                .append(orders.storefront().webhookSecret().orElse("(unset)")).append('\n')
                .append("  Schedules     ").append(scheduler.schedules()).append('\n');
        System.out.println(banner);
    }

    private String demoClient(String name, String email) {
        var account = accounts.create(new NewAccount(name, email, Role.CLIENT));
        IssuedToken token = accounts.issueToken(account.id(), new NewToken("demo", null));
        return "Demo client " + name + " (account " + account.id() + ") token: " + token.secret().value();
    }
}
