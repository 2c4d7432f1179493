package dev.plinth.access;

import com.pulumi.core.Output;

/**
 * How long session logs are kept (the log group's retention and the bucket's expiry, in days) and
 * the bucket that receives the session bucket's S3 server access logs.
 */
public record SessionRetention(int days, Output<String> accessLogsBucket) {}
