/**
 * Links a reader may follow from text we render: http(s), mailto, tel, and relative or
 * same-page ones; never javascript:, data: or another scheme. Used when markdown becomes HTML
 * and again when any HTML is sanitised before it reaches the page.
 */
export const SAFE_LINK = /^(?:https?:|mailto:|tel:|#|\/(?!\/)|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;
