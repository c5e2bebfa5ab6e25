package stipanel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import stipanel.shipped.Shipped;

/**
 * The columns of every extract kind: the files {@code jobs/kinds/*.yml} shipped in the jar, extended by a
 * deployment's folder ({@code run --deployment DIR}, or {@value #DEPLOYMENT_VARIABLE}), whose {@code kinds/*.yml} add
 * aliases to a column or override whether it is required ({@code jobs/kinds/README.md}). A broken or unknown entry in
 * a deployment is a configuration error, named with its file.
 */
public final class KindDefinitions {

    public static final String DEPLOYMENT_VARIABLE = "STIPANEL_DEPLOYMENT";

    private final Map<String, KindDefinition> byCode;

    private KindDefinitions(Map<String, KindDefinition> byCode) {
        this.byCode = byCode;
    }

    /** What the jar ships, without any deployment. */
    public static KindDefinitions shipped() {
        Map<String, KindDefinition> kinds = new LinkedHashMap<>();
        try {
            for (Resource r : Shipped.resources("jobs/kinds/*.yml")) {
                KindDefinition kind = parse(Shipped.read(r), "jobs/kinds/" + r.getFilename());
                kinds.put(kind.code(), kind);
            }
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot read jobs/kinds/ from the build: " + e.getMessage(), e);
        }
        return new KindDefinitions(kinds);
    }

    /** The shipped kinds extended by {@code deployment} (may be null: none). */
    public static KindDefinitions of(Path deployment) {
        KindDefinitions shipped = shipped();
        if (deployment == null) {
            return shipped;
        }
        Path dir = deployment.resolve("kinds");
        if (!Files.isDirectory(dir)) {
            return shipped;
        }
        Map<String, KindDefinition> kinds = new LinkedHashMap<>(shipped.byCode);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> yaml = load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
                KindDefinition base = kinds.get((String) yaml.get("code"));
                if (base == null) {
                    throw new DefinitionException(file + "：没有种类 " + yaml.get("code") + "（已知的种类："
                            + kinds.keySet() + "）");
                }
                kinds.put(base.code(), extend(base, parseAdditions(yaml, file.toString()), file.toString()));
            }
        } catch (IOException e) {
            throw new DefinitionException(dir + "：无法读取（" + e.getMessage() + "）");
        }
        return new KindDefinitions(kinds);
    }

    /** The deployment folder of {@value #DEPLOYMENT_VARIABLE}, or null. */
    public static Path deploymentFromEnvironment() {
        String dir = System.getenv(DEPLOYMENT_VARIABLE);
        return dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    }

    public KindDefinition get(String code) {
        KindDefinition kind = byCode.get(code);
        if (kind == null) {
            throw new IllegalStateException("jobs/kinds/" + code + ".yml is missing from the build");
        }
        return kind;
    }

    public List<KindDefinition> all() {
        return List.copyOf(byCode.values());
    }

    /** A deployment's entry for one column: aliases to add (or to replace the shipped ones), required or not. */
    private record Addition(String column, List<String> aliases, boolean replaceAliases, Boolean required) {
    }

    private static KindDefinition extend(KindDefinition base, List<Addition> additions, String origin) {
        Map<String, Column> columns = new LinkedHashMap<>();
        base.columns().forEach(c -> columns.put(c.name(), c));
        for (Addition add : additions) {
            Column shipped = columns.get(add.column());
            if (shipped == null) {
                throw new DefinitionException(origin + "：种类 " + base.code() + " 没有列 " + add.column()
                        + "（部署文件只能为已有的列增加别名；已有的列：" + columns.keySet() + "）");
            }
            List<String> aliases = new ArrayList<>(add.replaceAliases() ? List.of() : shipped.aliases());
            add.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
            columns.put(add.column(), new Column(shipped.name(),
                    add.required() == null ? shipped.required() : add.required(), aliases, shipped.unit(),
                    shipped.metadata()));
        }
        return new KindDefinition(base.code(), base.name(), List.copyOf(columns.values()), base.requiredOneOf());
    }

    private static KindDefinition parse(String text, String origin) {
        Map<String, Object> yaml = load(text, origin);
        List<Column> columns = new ArrayList<>();
        for (Map<?, ?> c : entries(yaml, origin)) {
            columns.add(new Column((String) c.get("name"), Boolean.TRUE.equals(c.get("required")), strings(c.get("aliases")),
                    (String) c.get("unit"), (String) c.get("metadata")));
        }
        List<List<String>> oneOf = new ArrayList<>();
        if (yaml.get("required_one_of") instanceof List<?> groups) {
            groups.forEach(group -> oneOf.add(strings(group)));
        }
        return new KindDefinition((String) yaml.get("code"), (String) yaml.getOrDefault("name", yaml.get("code")),
                columns, oneOf);
    }

    private static List<Addition> parseAdditions(Map<String, Object> yaml, String origin) {
        List<Addition> additions = new ArrayList<>();
        for (Map<?, ?> c : entries(yaml, origin)) {
            additions.add(new Addition((String) c.get("name"), strings(c.get("aliases")),
                    Boolean.TRUE.equals(c.get("replace_aliases")), (Boolean) c.get("required")));
        }
        return additions;
    }

    private static Map<String, Object> load(String text, String origin) {
        Object yaml;
        try {
            yaml = new Yaml().load(text);
        } catch (MarkedYAMLException e) {
            throw new DefinitionException(origin + " 第 " + (e.getProblemMark().getLine() + 1) + " 行：YAML 格式错误（"
                    + e.getProblem() + "）");
        }
        if (!(yaml instanceof Map<?, ?> map) || !(map.get("code") instanceof String)) {
            throw new DefinitionException(origin + "：缺少 code（种类代码，如 patents）");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static List<Map<?, ?>> entries(Map<String, Object> yaml, String origin) {
        List<Map<?, ?>> entries = new ArrayList<>();
        if (yaml.get("columns") instanceof List<?> list) {
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> c) || !(c.get("name") instanceof String)) {
                    throw new DefinitionException(origin + "：columns 的每一项都要有 name（列的标准名称）");
                }
                entries.add(c);
            }
        }
        return entries;
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** A kinds file that cannot be used: a configuration error, reported with the file (and line). */
    public static final class DefinitionException extends RuntimeException {
        public DefinitionException(String message) {
            super(message);
        }
    }
}
