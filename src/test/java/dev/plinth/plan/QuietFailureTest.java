package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A failing plan says why once, in its exception (PlanFailure), and logs nothing: no SEVERE record
 * with a stack trace in the console of a plan or of a green build.
 */
class QuietFailureTest {
  @Test
  void aFailingProgramLogsNoRecordBesideThePlanFailure() {
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    try {
      assertThatThrownBy(
              () ->
                  Recorder.run(
                      "t",
                      "us-east-1",
                      ctx ->
                          ctx.export(
                              "ami",
                              Ec2Functions.getAmi(GetAmiArgs.builder().owners("amazon").build())
                                  .applyValue(r -> r.id()))))
          .isInstanceOf(Recorder.PlanFailure.class)
          .hasMessageContaining("aws:ec2/getAmi:getAmi");
    } finally {
      root.removeHandler(handler);
    }
    assertThat(records)
        .as("log records while the plan failed")
        .extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
        .isEmpty();
  }
}
