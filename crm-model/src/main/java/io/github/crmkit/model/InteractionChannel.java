package io.github.crmkit.model;

/** How an interaction took place. */
public enum InteractionChannel {
  /** A phone or video call. */
  CALL,
  /** An email. */
  EMAIL,
  /** A visit, at the customer's or at a store or dealer. */
  VISIT,
  /** A scheduled meeting. */
  MEETING,
  /** A live chat. */
  CHAT,
  /** A message on a social or instant-messaging network (WeChat, WhatsApp, LINE ...). */
  SOCIAL_MESSAGE
}
