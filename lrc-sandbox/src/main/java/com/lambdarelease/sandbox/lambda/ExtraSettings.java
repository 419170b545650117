package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.lambda.model.ApplicationLogLevel;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SystemLogLevel;
import software.amazon.awssdk.services.lambda.model.TracingMode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration members beyond code, role, handler, memory, timeout, environment, layers and
 * dead-letter queue: Architectures, EphemeralStorage, TracingConfig, VpcConfig, FileSystemConfigs,
 * LoggingConfig, SnapStart, KMSKeyArn, PackageType and ImageUri. Kept as the request sent them (after
 * validation) and answered with AWS's defaults for what was never set. Enum values come from the SDK's
 * own model classes, so they follow the BOM instead of a hand-kept list. Container images are kept,
 * never run.
 */
final class ExtraSettings {

    static final List<String> MEMBERS = List.of("Architectures", "EphemeralStorage", "TracingConfig", "VpcConfig",
            "FileSystemConfigs", "LoggingConfig", "SnapStart", "KMSKeyArn", "PackageType", "ImageUri");

    private ExtraSettings() {
    }

    static List<String> values(Collection<?> known) {
        return known.stream().map(Object::toString).toList();
    }

    /** The members present in {@code body}, validated; violations go to {@code violations}. */
    static Map<String, JsonNode> parse(RequestBody body, Violations violations) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String member : MEMBERS) {
            body.node(member).ifPresent(n -> out.put(member, n.deepCopy()));
        }
        body.stringList("Architectures").ifPresent(a -> {
            if (a.size() != 1) {
                violations.add(Violations.quote(a.toString()), "architectures",
                        "Member must have length less than or equal to 1, Member must have length greater than or equal to 1");
            } else {
                oneOf(violations, a.get(0), "architectures", values(Architecture.knownValues()));
            }
        });
        body.object("EphemeralStorage").ifPresent(e -> violations.range(e.integer("Size").orElse(null),
                "ephemeralStorage.size", 512, 10240));
        body.object("TracingConfig").flatMap(t -> t.string("Mode"))
                .ifPresent(m -> oneOf(violations, m, "tracingConfig.mode", values(TracingMode.knownValues())));
        body.object("LoggingConfig").ifPresent(l -> {
            l.string("LogFormat").ifPresent(f -> oneOf(violations, f, "loggingConfig.logFormat", values(LogFormat.knownValues())));
            l.string("ApplicationLogLevel").ifPresent(f -> oneOf(violations, f, "loggingConfig.applicationLogLevel",
                    values(ApplicationLogLevel.knownValues())));
            l.string("SystemLogLevel").ifPresent(f -> oneOf(violations, f, "loggingConfig.systemLogLevel",
                    values(SystemLogLevel.knownValues())));
        });
        body.object("SnapStart").flatMap(s -> s.string("ApplyOn"))
                .ifPresent(a -> oneOf(violations, a, "snapStart.applyOn", values(SnapStartApplyOn.knownValues())));
        body.string("PackageType").ifPresent(p -> oneOf(violations, p, "packageType", values(PackageType.knownValues())));
        return out;
    }

    static boolean isImage(Map<String, JsonNode> settings) {
        return Optional.ofNullable(settings.get("PackageType")).map(JsonNode::asText).filter("Image"::equals).isPresent();
    }

    static Optional<String> imageUri(Map<String, JsonNode> settings) {
        return Optional.ofNullable(settings.get("ImageUri")).map(JsonNode::asText);
    }

    /** Writes the members into a FunctionConfiguration answer, AWS's defaults for those never set. */
    static void write(ObjectNode n, FunctionConfig c) {
        Map<String, JsonNode> s = c.settings();
        ArrayNode arch = n.putArray("Architectures");
        if (s.containsKey("Architectures")) {
            s.get("Architectures").forEach(arch::add);
        } else {
            arch.add("x86_64");
        }
        n.putObject("EphemeralStorage").put("Size", Optional.ofNullable(s.get("EphemeralStorage"))
                .map(e -> e.path("Size").asInt(512)).orElse(512));
        n.putObject("TracingConfig").put("Mode", Optional.ofNullable(s.get("TracingConfig"))
                .map(t -> t.path("Mode").asText("PassThrough")).orElse("PassThrough"));
        Optional.ofNullable(s.get("VpcConfig")).filter(v -> v.path("SubnetIds").size() > 0).ifPresent(v -> {
            ObjectNode vpc = n.putObject("VpcConfig");
            vpc.set("SubnetIds", v.path("SubnetIds").deepCopy());
            vpc.set("SecurityGroupIds", v.has("SecurityGroupIds") ? v.path("SecurityGroupIds").deepCopy()
                    : Json.MAPPER.createArrayNode());
            vpc.put("VpcId", "vpc-" + Integer.toHexString(v.path("SubnetIds").toString().hashCode() & 0x7fffffff));
            vpc.put("Ipv6AllowedForDualStack", v.path("Ipv6AllowedForDualStack").asBoolean(false));
        });
        Optional.ofNullable(s.get("FileSystemConfigs")).filter(f -> f.size() > 0)
                .ifPresent(f -> n.set("FileSystemConfigs", f.deepCopy()));
        ObjectNode logging = n.putObject("LoggingConfig");
        JsonNode l = s.getOrDefault("LoggingConfig", Json.MAPPER.createObjectNode());
        String format = l.path("LogFormat").asText("Text");
        logging.put("LogFormat", format);
        if (format.equals("JSON")) {
            logging.put("ApplicationLogLevel", l.path("ApplicationLogLevel").asText("INFO"));
            logging.put("SystemLogLevel", l.path("SystemLogLevel").asText("INFO"));
        }
        logging.put("LogGroup", l.path("LogGroup").asText("/aws/lambda/" + c.functionName()));
        String applyOn = Optional.ofNullable(s.get("SnapStart")).map(x -> x.path("ApplyOn").asText("None")).orElse("None");
        n.putObject("SnapStart").put("ApplyOn", applyOn).put("OptimizationStatus",
                applyOn.equals("PublishedVersions") && !FunctionRef.LATEST.equals(c.version()) ? "On" : "Off");
        Optional.ofNullable(s.get("KMSKeyArn")).map(JsonNode::asText).filter(k -> !k.isEmpty())
                .ifPresent(k -> n.put("KMSKeyArn", k));
        n.put("PackageType", isImage(s) ? "Image" : "Zip");
    }

    /** {@code base} with {@code changes} laid over it; an empty KMSKeyArn removes the key, as AWS does. */
    static Map<String, JsonNode> merge(Map<String, JsonNode> base, Map<String, JsonNode> changes) {
        Map<String, JsonNode> out = new LinkedHashMap<>(base);
        out.putAll(changes);
        return out;
    }

    private static void oneOf(Violations violations, String value, String member, List<String> allowed) {
        if (!allowed.contains(value)) {
            violations.add(Violations.quote(value), member,
                    "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }
}
