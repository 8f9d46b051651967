package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One remediation: symptom, diagnosis, action and outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealingEntry {

  @JsonPropertyDescription("When the remediation was decided (RFC 3339).")
  private String time;

  @JsonPropertyDescription("What was observed, e.g. OOMKilled, CrashLoopBackOff, RewardRegression.")
  private String symptom;

  @JsonPropertyDescription("The likely cause derived from the symptoms, e.g. MemoryLimitTooLow.")
  private String diagnosis;

  @JsonPropertyDescription("The remediation chosen, e.g. raise-memory-limit.")
  private String action;

  @JsonPropertyDescription("Result of the remediation.")
  private HealingOutcome outcome;

  @JsonPropertyDescription("Details, e.g. the values changed or why the dry run was rejected.")
  private String message;

  @JsonPropertyDescription("Time from observing the symptom to applying the remediation, in milliseconds.")
  private Long durationMillis;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getSymptom() {
    return symptom;
  }

  public void setSymptom(String symptom) {
    this.symptom = symptom;
  }

  public String getDiagnosis() {
    return diagnosis;
  }

  public void setDiagnosis(String diagnosis) {
    this.diagnosis = diagnosis;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public HealingOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(HealingOutcome outcome) {
    this.outcome = outcome;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Long getDurationMillis() {
    return durationMillis;
  }

  public void setDurationMillis(Long durationMillis) {
    this.durationMillis = durationMillis;
  }
}
