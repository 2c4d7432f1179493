package dev.plinth.data;

import com.pulumi.core.Output;

/**
 * A Secrets Manager secret a workload reads, with the KMS key that encrypts it: reading needs
 * {@code secretsmanager:GetSecretValue} on the secret and {@code kms:Decrypt} on the key.
 */
public record SecretRef(Output<String> arn, Output<String> keyArn) {}
