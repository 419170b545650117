package com.lambdarelease.domain;

import java.util.List;
import java.util.Optional;

/**
 * How a version runs, beyond code, role, memory and timeout: the members AWS added over the years
 * (Architectures, EphemeralStorage, TracingConfig, VpcConfig, FileSystemConfigs, LoggingConfig,
 * SnapStart, KMSKeyArn, PackageType and ImageUri). {@link #DEFAULTS} is what AWS reports when none was set.
 *
 * @param fileSystems each file system as {@code arn → mount path}
 * @param imageUri    a container image's URI; FunctionConfiguration does not carry it (GetFunction's Code
 *                    does), so it is empty when read from a configuration
 */
public record ExecutionSettings(List<String> architectures, int ephemeralStorageMb, String tracingMode,
                                List<String> vpcSubnetIds, List<String> vpcSecurityGroupIds, List<String> fileSystems,
                                String logFormat, String snapStartApplyOn, Optional<String> kmsKeyArn,
                                String packageType, Optional<String> imageUri) {

    public static final ExecutionSettings DEFAULTS = new ExecutionSettings(List.of("x86_64"), 512, "PassThrough",
            List.of(), List.of(), List.of(), "Text", "None", Optional.empty(), "Zip", Optional.empty());

    public ExecutionSettings {
        architectures = List.copyOf(architectures);
        vpcSubnetIds = List.copyOf(vpcSubnetIds);
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
        fileSystems = List.copyOf(fileSystems);
    }

    /** "none", or the subnets and security groups. */
    public String vpcText() {
        return vpcSubnetIds.isEmpty() ? "none"
                : "subnets " + String.join(", ", vpcSubnetIds) + "; security groups "
                + (vpcSecurityGroupIds.isEmpty() ? "none" : String.join(", ", vpcSecurityGroupIds));
    }
}
