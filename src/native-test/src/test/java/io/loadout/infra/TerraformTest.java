package io.loadout.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No terraform binary exists here: every .tf is parsed with @cdktf/hcl2json (syntax), and the parsed environment
 * is checked against the code: one function module per deployable function, one scheduler job per schedule.
 */
class TerraformTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TERRAFORM = REPO.resolve("infra/terraform");
    private static final String HCL2JSON = "@cdktf/hcl2json@0.21.0";
    private static JsonNode parsed;

    @BeforeAll
    static void parseEveryTerraformFile() throws Exception {
        Path tools = Path.of("target/hcl2json").toAbsolutePath();
        if (!Files.isDirectory(tools.resolve("node_modules/@cdktf/hcl2json"))) {
            run(tools.getParent(), "npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", tools.toString(), HCL2JSON);
        }
        var node = new ProcessBuilder("node", TERRAFORM.resolve("hcl2json.js").toString(), TERRAFORM.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        node.environment().put("NODE_PATH", tools.resolve("node_modules").toString());
        var process = node.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("every .tf file parses").isZero();
        parsed = new ObjectMapper().readTree(json);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static JsonNode devModules() {
        var modules = new ObjectMapper().createObjectNode();
        parsed.fields().forEachRemaining(file -> {
            if (file.getKey().startsWith("environments/dev/")) {
                file.getValue().path("module").fields().forEachRemaining(m -> modules.set(m.getKey(), m.getValue().get(0)));
            }
        });
        return modules;
    }

    @Test
    void everyModuleFolderHasTerraform() throws IOException {
        try (Stream<Path> modules = Files.list(TERRAFORM.resolve("modules"))) {
            modules.forEach(module -> assertThat(parsed.has("modules/" + module.getFileName() + "/main.tf"))
                    .as(module + "/main.tf").isTrue());
        }
        assertThat(parsed.fieldNames()).toIterable().anyMatch(f -> f.startsWith("environments/dev/"));
    }

    @Test
    void everyFunctionModuleIsDeployedByTheEnvironment() throws IOException {
        JsonNode declared = parsed.path("environments/dev/functions.tf").path("locals").get(0).path("functions");
        JsonNode module = devModules().path("function");
        assertThat(module.path("source").asText()).isEqualTo("../../modules/function");
        assertThat(module.path("for_each").asText()).isEqualTo("${local.functions}");
        try (Stream<Path> dirs = Files.list(REPO.resolve("functions"))) {
            var functions = dirs.filter(d -> isDeployableFunction(d.resolve("pom.xml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
            assertThat(functions).contains("ops", "imports", "notifier", "jobs");
            var deployed = new java.util.TreeSet<String>();
            declared.fieldNames().forEachRemaining(deployed::add);
            assertThat(deployed).as("local.functions in environments/dev/functions.tf").containsExactlyElementsOf(functions);
        }
    }

    @Test
    void everyScheduleOfTheJobsFunctionHasASchedulerJob() throws IOException {
        var configured = new TreeMap<String, String>();
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(
                REPO.resolve("functions/jobs/src/main/resources/META-INF/microprofile-config.properties"))));
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("loadout.schedules."))
                .forEach(k -> configured.put(k.substring("loadout.schedules.".length()).replace("\"", ""), properties.getProperty(k)));
        assertThat(configured).isNotEmpty();

        var terraform = new TreeMap<String, String>();
        parsed.path("environments/dev/schedules.tf").path("locals").get(0).path("schedules").fields()
                .forEachRemaining(e -> terraform.put(e.getKey(), e.getValue().asText()));
        assertThat(terraform).isEqualTo(configured);

        JsonNode scheduler = devModules().path("schedule");
        assertThat(scheduler.path("source").asText()).isEqualTo("../../modules/scheduler-job");
        assertThat(scheduler.path("for_each").asText()).isEqualTo("${local.schedules}");
    }

    private static boolean isDeployableFunction(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>functions-parent</artifactId>")
                    && !Files.readString(pom).contains("<packaging>pom</packaging>");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
