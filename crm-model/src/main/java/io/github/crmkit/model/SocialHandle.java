package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import org.immutables.value.Value;

/**
 * A handle on a social or instant-messaging network, for example a WeChat ID, a WhatsApp number or a LinkedIn
 * profile (personal data: the handle is masked in {@link #toString()}).
 *
 * <p>The network is a lower-case token such as {@code wechat}, {@code whatsapp}, {@code line}, {@code qq},
 * {@code weibo}, {@code telegram}, {@code linkedin} or {@code x}; the handle is at most 200 characters on one line.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
@JsonSerialize(as = ImmutableSocialHandle.class)
@JsonDeserialize(as = ImmutableSocialHandle.class)
public abstract class SocialHandle {
  SocialHandle() {}

  /**
   * The network, a lower-case token.
   *
   * @return the network
   */
  @Value.Parameter
  public abstract String network();

  /**
   * The handle on that network.
   *
   * @return the handle
   */
  @Value.Parameter
  @Value.Redacted
  public abstract String handle();

  /**
   * Returns a handle.
   *
   * @param network a lower-case token such as {@code wechat}
   * @param handle the handle, at most 200 characters
   * @return the handle
   */
  public static SocialHandle of(String network, String handle) {
    return ImmutableSocialHandle.of(network, handle);
  }

  @Value.Check
  final void check() {
    Checks.token("SocialHandle.network", network());
    Checks.line("SocialHandle.handle", handle(), 200);
  }
}
