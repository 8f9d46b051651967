package dev.autonomy.testsupport;

import org.junit.jupiter.api.Test;

/** Each backing service of the test ground answers for real, on loopback. */
class BackingServicesIT {

  @Test
  void pgvectorAnswersAnHnswNearestNeighbourQuery() throws Exception {
    ServiceChecks.pgvectorAnswersAnHnswQuery(TestGround.services("pg"));
  }

  @Test
  void chromaAnswersItsHeartbeat() throws Exception {
    ServiceChecks.chromaAnswersItsHeartbeat(TestGround.services("chroma"));
  }

  @Test
  void rayRunsASubmittedJobToSucceeded() throws Exception {
    ServiceChecks.rayRunsASubmittedJobToSucceeded(TestGround.services("ray"));
  }

  @Test
  void localModelAnswersASchemaConstrainedChatCompletion() throws Exception {
    ServiceChecks.localModelAnswersASchemaConstrainedChat(TestGround.services("llm"));
  }
}
