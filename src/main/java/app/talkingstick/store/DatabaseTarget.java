package app.talkingstick.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where the PostgreSQL server is and how to sign in to it. */
public record DatabaseTarget(String host, int port, String database, String user, String password) {

  public static DatabaseTarget fromUrl(URI url) {
    String user = "postgres";
    String password = "";
    String userInfo = url.getRawUserInfo();
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      user = decode(parts[0]);
      if (parts.length == 2) password = decode(parts[1]);
    }
    int port = url.getPort() == -1 ? 5432 : url.getPort();
    return new DatabaseTarget(url.getHost(), port, url.getPath().substring(1), user, password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
