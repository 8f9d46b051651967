package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.ArrayList;
import java.util.List;

/** HTTP tool: requests to allow-listed hosts only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpToolSpec {

  @JsonPropertyDescription("Offer the HTTP tool to the planner.")
  @Default("false")
  private Boolean enabled = false;

  @JsonPropertyDescription("Hosts the tool may call, e.g. api.example.com, *.svc.cluster.local or 127.0.0.1:8080; any "
      + "other host is refused.")
  @Size(max = 64)
  private List<String> allowedHosts;

  @JsonPropertyDescription("HTTP methods the tool may use.")
  @Size(max = 8)
  @Default("[\"GET\"]")
  private List<String> allowedMethods = new ArrayList<>(List.of("GET"));

  @JsonPropertyDescription("Timeout of one request (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("10s")
  private String timeout = "10s";

  @JsonPropertyDescription("Responses are truncated to this many bytes before the model sees them.")
  @Min(1)
  @Max(10485760)
  @Default("65536")
  private Integer maxResponseBytes = 65536;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  public List<String> getAllowedMethods() {
    return allowedMethods;
  }

  public void setAllowedMethods(List<String> allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Integer getMaxResponseBytes() {
    return maxResponseBytes;
  }

  public void setMaxResponseBytes(Integer maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }
}
