/*
 * Receives UDP datagrams in batches with recvmmsg(2) on the Node event loop, and hands each batch to
 * one JS callback. Node's dgram makes a recvmsg call, a Buffer, an rinfo object and a callback per
 * datagram; here a wake-up costs one syscall per batch and one callback, and JS reads lengths and
 * source addresses from a typed array it shares with us.
 *
 * Single-threaded: a uv_poll_t watches the socket on the main loop, so no locking is needed.
 */
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

/* Per delivered datagram, META_STRIDE uint32 words of the shared meta array (index.ts mirrors this). */
enum { META_SLOT, META_LENGTH, META_PORT, META_ADDR, META_STRIDE = 8 };

typedef struct {
  napi_env env;
  uv_poll_t poll;
  uv_timer_t coalesce;
  unsigned coalesce_ms;
  int fd;
  int family;
  /* Delivering datagrams; cleared by close(), even in the middle of a batch. */
  int open;
  /* What exists, so that stop() releases exactly that, from a failed open() as from close(). */
  int stopped, watching, hooked, has_external;
  /* Freed when the JS handle is finalized (or open() failed before creating it) and libuv has closed
   * the poll and timer handles. */
  int holds;
  char where[INET6_ADDRSTRLEN + 16];
  unsigned slots;
  size_t slot_size;
  unsigned max_batches;
  uint8_t *data;
  uint32_t *meta;
  double truncated;
  napi_ref self, on_batch, on_error, data_ref, meta_ref;
  napi_async_context async;
  struct mmsghdr *msgs;
  struct iovec *iovs;
  struct sockaddr_storage *names;
} receiver;

#define CHECK(call)                                                                    \
  do {                                                                                 \
    if ((call) != napi_ok) {                                                           \
      const napi_extended_error_info *info;                                           \
      napi_get_last_error_info(env, &info);                                            \
      bool pending;                                                                    \
      napi_is_exception_pending(env, &pending);                                        \
      if (!pending) napi_throw_error(env, NULL, info->error_message ? info->error_message : #call); \
      return NULL;                                                                     \
    }                                                                                  \
  } while (0)

/* Test hooks (the `testing` export, used by src/testing.js): fail the n-th fallible step of the next
 * open(), or the next recvmmsg calls or poll wake-ups, with a chosen errno, so that every error path can
 * be run from JS and checked for leaks. Their cost is a compare a step of open() and one a recvmmsg. */
static unsigned inject_open_at, inject_open_step, inject_receive_times, inject_poll_times;
static int inject_errno;

static int inject_open(void) {
  if (inject_open_at == 0 || ++inject_open_step < inject_open_at) return 0;
  inject_open_at = 0;
  return 1;
}

/* A syscall or libuv step of open(): -1 with errno set when it failed, or was made to. */
#define SYS(call) (inject_open() ? (errno = inject_errno, -1) : (call))
/* A napi step of open() that must succeed; on failure jump to `fail` with an exception pending. */
#define TRY(call)                                                                      \
  do {                                                                                 \
    if (inject_open() || (call) != napi_ok) {                                          \
      throw_napi_failure(env, #call);                                                  \
      goto fail;                                                                       \
    }                                                                                  \
  } while (0)

static void throw_napi_failure(napi_env env, const char *call) {
  bool pending;
  napi_is_exception_pending(env, &pending);
  if (pending) return;
  const napi_extended_error_info *info;
  napi_get_last_error_info(env, &info);
  char message[256];
  snprintf(message, sizeof message, "udp-batch: %s failed (%s)", call,
           info->error_message ? info->error_message : "injected");
  napi_throw_error(env, NULL, message);
}

/* An Error like Node's own system errors: "bind 127.0.0.1:2055: EADDRINUSE (address already in use)",
 * with .code, .errno and .syscall set. */
static napi_value errno_error(napi_env env, int err, const char *syscall, const char *where) {
  char message[256];
  const char *name = uv_err_name(-err);
  snprintf(message, sizeof message, "%s %s: %s (%s)", syscall, where, name, uv_strerror(-err));
  napi_value code, msg, error, value;
  napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code);
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, code, msg, &error);
  napi_create_int32(env, -err, &value);
  napi_set_named_property(env, error, "errno", value);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, error, "syscall", value);
  return error;
}

static napi_value throw_errno(napi_env env, int err, const char *syscall, const char *where) {
  napi_throw(env, errno_error(env, err, syscall, where));
  return NULL;
}

static void release(receiver *r) {
  if (--r->holds > 0) return;
  free(r->msgs);
  free(r->iovs);
  free(r->names);
  free(r);
}

static void on_handle_closed(uv_handle_t *handle) { release(handle->data); }

static void cleanup_hook(void *arg);

/* Stops delivery and frees the port at once; safe to call twice and from inside the callback (the
 * read loop checks r->open after every callback). Releases whatever exists, so a failed open() ends
 * here too. In teardown the env can no longer run JS, so the references are left for Node to drop with
 * the env. */
static void stop(receiver *r, int teardown) {
  if (r->stopped) return;
  r->stopped = 1;
  r->open = 0;
  if (r->fd >= 0) close(r->fd);
  r->fd = -1;
  if (r->watching) {
    uv_poll_stop(&r->poll);
    uv_close((uv_handle_t *)&r->poll, on_handle_closed);
    uv_close((uv_handle_t *)&r->coalesce, on_handle_closed);
  }
  if (teardown) return;
  napi_env env = r->env;
  if (r->hooked) napi_remove_env_cleanup_hook(env, cleanup_hook, r);
  napi_ref *refs[] = {&r->on_batch, &r->on_error, &r->data_ref, &r->meta_ref, &r->self};
  for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
    if (*refs[i]) napi_delete_reference(env, *refs[i]);
  if (r->async) napi_async_destroy(env, r->async);
}

static void cleanup_hook(void *arg) { stop(arg, 1); }

static void finalize(napi_env env, void *data, void *hint) {
  receiver *r = data;
  stop(r, 1);
  release(r);
}

/* make_callback rather than call_function: it drains process.nextTick and microtasks afterwards, as
 * Node does after any I/O callback. A throw becomes an uncaught exception, as with dgram. */
static void call_js(receiver *r, napi_ref function, napi_value arg) {
  napi_env env = r->env;
  napi_value callback, recv, result;
  napi_get_reference_value(env, function, &callback);
  napi_get_global(env, &recv); /* make_callback wants an object for `this` */
  napi_status status = napi_make_callback(env, r->async, recv, callback, 1, &arg, &result);
  if (status == napi_ok) return;
  napi_value error;
  if (status == napi_pending_exception) {
    napi_get_and_clear_last_exception(env, &error);
  } else {
    napi_value message;
    napi_create_string_utf8(env, "udp-batch: a callback could not be called", NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &error);
  }
  napi_fatal_exception(env, error);
}

static void deliver(receiver *r, unsigned count) {
  napi_value arg;
  napi_create_uint32(r->env, count, &arg);
  call_js(r, r->on_batch, arg);
}

static void on_readable(uv_poll_t *handle, int status, int events);

static void on_coalesced(uv_timer_t *timer) {
  receiver *r = timer->data;
  if (r->open) uv_poll_start(&r->poll, UV_READABLE, on_readable);
}

/* Stops watching the socket for `ms`; the socket buffer keeps what arrives meanwhile. */
static void pause_reading(receiver *r, unsigned ms) {
  uv_poll_stop(&r->poll);
  uv_timer_start(&r->coalesce, on_coalesced, ms, 0);
}

/* After a receive error, read again this much later: a persistent error is then reported 100 times a
 * second rather than in a busy loop, and 10 ms of traffic fits the socket buffer. */
enum { ERROR_PAUSE_MS = 10 };

/* Hands a receive error to JS's onError as a Node-style system error, and carries on after a pause:
 * a UDP socket's errors (ENOMEM, a pending ICMP error) concern one moment, not the socket. */
static void report_error(receiver *r, int err, const char *syscall) {
  call_js(r, r->on_error, errno_error(r->env, err, syscall, r->where));
  if (r->open) pause_reading(r, ERROR_PAUSE_MS);
}

/* Whether JS detached a buffer we write into (the data buffer is every datagram's `bytes.buffer`, so
 * a callback can transfer it); the reference keeps it from being collected, not from being detached. */
static int buffers_detached(receiver *r) {
  napi_ref refs[] = {r->data_ref, r->meta_ref};
  for (int i = 0; i < 2; i++) {
    napi_value buffer;
    bool detached = false;
    if (napi_get_reference_value(r->env, refs[i], &buffer) != napi_ok ||
        napi_is_detached_arraybuffer(r->env, buffer, &detached) != napi_ok || detached)
      return 1;
  }
  return 0;
}

static void on_readable(uv_poll_t *handle, int status, int events) {
  receiver *r = handle->data;
  if (!r->open) return;
  napi_handle_scope scope;
  napi_open_handle_scope(r->env, &scope);
  if (inject_poll_times > 0) {
    inject_poll_times--;
    status = -inject_errno;
  }
  if (status < 0) {
    /* On POLLERR libuv has stopped the handle and says EBADF; the socket's pending error says why,
     * and reading it clears it (socket(7), SO_ERROR). */
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(r->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err == 0) err = -status;
    report_error(r, err, "poll");
    napi_close_handle_scope(r->env, scope);
    return;
  }
  if (buffers_detached(r)) {
    /* recvmmsg would write into memory JS no longer owns here: close rather than corrupt the heap. */
    napi_value message, error;
    napi_create_string_utf8(r->env, "udp-batch: the receive buffer was detached (transferred) by JS; the socket is closed",
                            NAPI_AUTO_LENGTH, &message);
    napi_create_error(r->env, NULL, message, &error);
    /* The port is free before onError runs (and the microtasks after it), as it is after close(). */
    r->open = 0;
    uv_poll_stop(&r->poll);
    close(r->fd);
    r->fd = -1;
    call_js(r, r->on_error, error);
    stop(r, 0);
    napi_close_handle_scope(r->env, scope);
    return;
  }
  unsigned received = 0;
  /* At most max_batches recvmmsg calls a wake-up so timers and other sockets get their turn; the poll
   * is level-triggered, so what is left wakes us again on the next loop iteration. */
  for (unsigned round = 0; round < r->max_batches && r->open; round++) {
    for (unsigned i = 0; i < r->slots; i++) r->msgs[i].msg_hdr.msg_namelen = sizeof(struct sockaddr_storage);
    int n = inject_receive_times > 0 ? (inject_receive_times--, errno = inject_errno, -1)
                                     : recvmmsg(r->fd, r->msgs, r->slots, MSG_DONTWAIT, NULL);
    if (n < 0) {
      int err = errno;
      if (err == EINTR) continue;
      if (err != EAGAIN && err != EWOULDBLOCK) {
        report_error(r, err, "recvmmsg");
        napi_close_handle_scope(r->env, scope);
        return;
      }
      break; /* drained */
    }
    received += n;
    unsigned count = 0;
    for (int i = 0; i < n; i++) {
      struct msghdr *h = &r->msgs[i].msg_hdr;
      /* Larger than a slot: the tail is gone, and a decoder would take the head for a whole packet. */
      if (h->msg_flags & MSG_TRUNC) {
        r->truncated++;
        continue;
      }
      uint32_t *m = r->meta + count++ * META_STRIDE;
      m[META_SLOT] = i;
      m[META_LENGTH] = r->msgs[i].msg_len;
      memset(m + META_ADDR, 0, 16);
      if (r->names[i].ss_family == AF_INET6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&r->names[i];
        m[META_PORT] = ntohs(a->sin6_port);
        memcpy(m + META_ADDR, &a->sin6_addr, 16);
      } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&r->names[i];
        m[META_PORT] = ntohs(a->sin_port);
        memcpy(m + META_ADDR, &a->sin_addr, 4);
      }
    }
    if (count > 0) deliver(r, count);
    /* A short batch means the queue was empty a moment ago: skip the recvmmsg that would say EAGAIN. */
    if ((unsigned)n < r->slots) break;
  }
  /* The queue ran dry before a batch filled: we are faster than the traffic and would wake for every
   * datagram or two, and a wake-up (epoll, scheduler, a call into JS) costs several times what a
   * datagram does. Let them gather in the socket buffer for coalesce_ms instead, as a NIC coalesces
   * interrupts; flow records are aggregates minutes old, so a millisecond of latency costs nothing. */
  if (r->open && r->coalesce_ms > 0 && received < r->slots) pause_reading(r, r->coalesce_ms);
  napi_close_handle_scope(r->env, scope);
}

static int parse_address(int family, const char *host, unsigned port, struct sockaddr_storage *out, socklen_t *len) {
  memset(out, 0, sizeof *out);
  if (family == 6) {
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)out;
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(port);
    *len = sizeof *a;
    return inet_pton(AF_INET6, host, &a->sin6_addr) == 1;
  }
  struct sockaddr_in *a = (struct sockaddr_in *)out;
  a->sin_family = AF_INET;
  a->sin_port = htons(port);
  *len = sizeof *a;
  return inet_pton(AF_INET, host, &a->sin_addr) == 1;
}

static void *buffer_of(napi_env env, napi_value value, size_t *length) {
  void *data = NULL;
  if (napi_get_arraybuffer_info(env, value, &data, length) != napi_ok) return NULL;
  return data;
}

/* The receiver and its per-slot arrays, or NULL (and nothing allocated) when memory ran out. */
static receiver *new_receiver(unsigned slots) {
  receiver *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->msgs = calloc(slots, sizeof *r->msgs);
  r->iovs = calloc(slots, sizeof *r->iovs);
  r->names = calloc(slots, sizeof *r->names);
  if (!r->msgs || !r->iovs || !r->names) {
    free(r->msgs);
    free(r->iovs);
    free(r->names);
    free(r);
    return NULL;
  }
  r->fd = -1;
  r->holds = 1; /* open()'s own, handed to the JS handle once it exists */
  return r;
}

static int is_function(napi_env env, napi_value value) {
  napi_valuetype type;
  return napi_typeof(env, value, &type) == napi_ok && type == napi_function;
}

#define UV(call) (inject_open() ? -inject_errno : (call))
#define FAIL_ERRNO(error, name)                                                        \
  do {                                                                                 \
    err = (error);                                                                     \
    syscall = (name);                                                                  \
    goto fail_errno;                                                                   \
  } while (0)

/* open(host, family 4|6, port, receiveBufferSize, data: ArrayBuffer, slotSize, meta: ArrayBuffer,
 *      maxBatches, onBatch(count), coalesceMs, onError(error))
 *   -> [handle, boundAddress, boundPort, grantedReceiveBuffer]
 * Every failure after the arguments are checked ends in `fail`, which releases what exists so far
 * (udp-batch.test.ts fails each step in turn and counts file descriptors). */
static napi_value open_socket(napi_env env, napi_callback_info info) {
  size_t argc = 11;
  napi_value argv[11];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 11) {
    napi_throw_type_error(env, NULL, "open: 11 arguments expected");
    return NULL;
  }
  char host[INET6_ADDRSTRLEN + 1];
  size_t host_len;
  uint32_t family, port, rcvbuf, slot_size, max_batches, coalesce_ms;
  CHECK(napi_get_value_string_utf8(env, argv[0], host, sizeof host, &host_len));
  CHECK(napi_get_value_uint32(env, argv[1], &family));
  CHECK(napi_get_value_uint32(env, argv[2], &port));
  CHECK(napi_get_value_uint32(env, argv[3], &rcvbuf));
  CHECK(napi_get_value_uint32(env, argv[5], &slot_size));
  CHECK(napi_get_value_uint32(env, argv[7], &max_batches));
  CHECK(napi_get_value_uint32(env, argv[9], &coalesce_ms));
  /* A host that filled the buffer may have been cut short into another valid address. */
  if (host_len >= sizeof host - 1 || (family != 4 && family != 6)) {
    napi_throw_type_error(env, NULL, "open: host must be an IP literal and family 4 or 6");
    return NULL;
  }
  if (!is_function(env, argv[8]) || !is_function(env, argv[10])) {
    napi_throw_type_error(env, NULL, "open: onBatch and onError must be functions");
    return NULL;
  }
  size_t data_len, meta_len;
  uint8_t *data = buffer_of(env, argv[4], &data_len);
  uint32_t *meta = buffer_of(env, argv[6], &meta_len);
  if (!data || !meta || slot_size == 0 || data_len / slot_size == 0 || port > 65535 || max_batches == 0) {
    napi_throw_type_error(env, NULL, "open: bad buffers, slot size, port or batch bound");
    return NULL;
  }
  unsigned slots = data_len / slot_size;
  if (meta_len < (size_t)slots * META_STRIDE * sizeof(uint32_t)) {
    napi_throw_type_error(env, NULL, "open: meta buffer too small for the slots");
    return NULL;
  }

  char where[sizeof ((receiver *)0)->where];
  snprintf(where, sizeof where, family == 6 ? "[%s]:%u" : "%s:%u", host, port);
  struct sockaddr_storage addr;
  socklen_t addr_len;
  if (!parse_address(family, host, port, &addr, &addr_len)) return throw_errno(env, EINVAL, "bind", where);
  receiver *r = inject_open() ? NULL : new_receiver(slots);
  if (!r) return throw_errno(env, ENOMEM, "malloc", where);
  r->env = env;
  r->family = family;
  r->slots = slots;
  r->slot_size = slot_size;
  r->max_batches = max_batches;
  r->coalesce_ms = coalesce_ms;
  r->data = data;
  r->meta = meta;
  for (unsigned i = 0; i < slots; i++) {
    r->iovs[i].iov_base = data + (size_t)i * slot_size;
    r->iovs[i].iov_len = slot_size;
    r->msgs[i].msg_hdr.msg_iov = &r->iovs[i];
    r->msgs[i].msg_hdr.msg_iovlen = 1;
    r->msgs[i].msg_hdr.msg_name = &r->names[i];
  }

  int err = 0, rc;
  const char *syscall = NULL;
  r->fd = SYS(socket(family == 6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (r->fd < 0) FAIL_ERRNO(errno, "socket");
  /* The kernel caps the request at net.core.rmem_max and reports double what it granted (socket(7)). */
  if (rcvbuf > 0 && SYS(setsockopt(r->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf)) < 0)
    FAIL_ERRNO(errno, "setsockopt SO_RCVBUF");
  int granted = 0;
  socklen_t granted_len = sizeof granted;
  if (SYS(getsockopt(r->fd, SOL_SOCKET, SO_RCVBUF, &granted, &granted_len)) < 0)
    FAIL_ERRNO(errno, "getsockopt SO_RCVBUF");
  if (SYS(bind(r->fd, (struct sockaddr *)&addr, addr_len)) < 0) FAIL_ERRNO(errno, "bind");
  struct sockaddr_storage bound;
  socklen_t bound_len = sizeof bound;
  if (SYS(getsockname(r->fd, (struct sockaddr *)&bound, &bound_len)) < 0) FAIL_ERRNO(errno, "getsockname");
  char bound_host[INET6_ADDRSTRLEN];
  unsigned bound_port;
  if (bound.ss_family == AF_INET6) {
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)&bound;
    inet_ntop(AF_INET6, &a->sin6_addr, bound_host, sizeof bound_host);
    bound_port = ntohs(a->sin6_port);
  } else {
    struct sockaddr_in *a = (struct sockaddr_in *)&bound;
    inet_ntop(AF_INET, &a->sin_addr, bound_host, sizeof bound_host);
    bound_port = ntohs(a->sin_port);
  }
  snprintf(r->where, sizeof r->where, family == 6 ? "[%s]:%u" : "%s:%u", bound_host, bound_port);

  napi_value handle, resource_name, result, value;
  TRY(napi_create_array_with_length(env, 4, &result));
  TRY(napi_create_string_utf8(env, bound_host, NAPI_AUTO_LENGTH, &value));
  TRY(napi_set_element(env, result, 1, value));
  TRY(napi_create_uint32(env, bound_port, &value));
  TRY(napi_set_element(env, result, 2, value));
  TRY(napi_create_int32(env, granted, &value));
  TRY(napi_set_element(env, result, 3, value));
  /* Strong references while open: an open socket keeps itself, its callbacks and its buffers alive,
   * like a bound dgram socket, even when JS drops every reference to it. */
  TRY(napi_create_reference(env, argv[8], 1, &r->on_batch));
  TRY(napi_create_reference(env, argv[10], 1, &r->on_error));
  TRY(napi_create_reference(env, argv[4], 1, &r->data_ref));
  TRY(napi_create_reference(env, argv[6], 1, &r->meta_ref));
  TRY(napi_create_string_utf8(env, "UDPBATCH", NAPI_AUTO_LENGTH, &resource_name));
  TRY(napi_async_init(env, NULL, resource_name, &r->async));
  TRY(napi_create_external(env, r, finalize, NULL, &handle));
  r->has_external = 1; /* from here the finalizer releases open()'s hold on r */
  TRY(napi_create_reference(env, handle, 1, &r->self));
  TRY(napi_set_element(env, result, 0, handle));
  TRY(napi_add_env_cleanup_hook(env, cleanup_hook, r));
  r->hooked = 1;

  uv_loop_t *loop;
  TRY(napi_get_uv_event_loop(env, &loop));
  if ((rc = UV(uv_poll_init(loop, &r->poll, r->fd))) < 0) FAIL_ERRNO(-rc, "uv_poll_init");
  uv_timer_init(loop, &r->coalesce); /* cannot fail */
  r->poll.data = r;
  r->coalesce.data = r;
  r->watching = 1;
  r->holds += 2; /* the poll and timer handles, until libuv has closed them */
  r->open = 1;
  if ((rc = UV(uv_poll_start(&r->poll, UV_READABLE, on_readable))) < 0) FAIL_ERRNO(-rc, "uv_poll_start");
  inject_open_at = 0; /* an injection past the last step does not carry over to the next open() */
  return result;

fail_errno:
  throw_errno(env, err, syscall, where);
fail:
  stop(r, 0);
  if (!r->has_external) release(r);
  return NULL;
}

static receiver *receiver_of(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *r = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_external(env, argv[0], &r) != napi_ok) {
    napi_throw_type_error(env, NULL, "a udp-batch handle expected");
    return NULL;
  }
  return r;
}

/* close(handle) */
static napi_value close_socket(napi_env env, napi_callback_info info) {
  receiver *r = receiver_of(env, info);
  if (r) stop(r, 0);
  return NULL;
}

/* truncated(handle) -> datagrams dropped because they were larger than a slot */
static napi_value truncated(napi_env env, napi_callback_info info) {
  receiver *r = receiver_of(env, info);
  if (!r) return NULL;
  napi_value result;
  CHECK(napi_create_double(env, r->truncated, &result));
  return result;
}

/* ntop(family 4|6, bytes: Uint8Array) -> the address as inet_ntop(3) writes it, as dgram's rinfo does */
static napi_value ntop(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t family;
  CHECK(napi_get_value_uint32(env, argv[0], &family));
  napi_typedarray_type type;
  size_t length;
  void *bytes;
  CHECK(napi_get_typedarray_info(env, argv[1], &type, &length, &bytes, NULL, NULL));
  if (type != napi_uint8_array || length < (family == 6 ? 16u : 4u)) {
    napi_throw_type_error(env, NULL, "ntop: 4 or 16 bytes expected");
    return NULL;
  }
  char text[INET6_ADDRSTRLEN];
  inet_ntop(family == 6 ? AF_INET6 : AF_INET, bytes, text, sizeof text);
  napi_value result;
  CHECK(napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result));
  return result;
}

/* Test hooks, see inject_open. injectOpenFailure(step, errno): the step-th fallible step of the next
 * open() fails (with errno where it is a syscall). injectReceiveFailure(times, errno) and
 * injectPollFailure(times, errno): the next recvmmsg calls, or poll wake-ups, fail. */
static napi_value inject(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void *which;
  uint32_t count, err;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, &which));
  CHECK(napi_get_value_uint32(env, argv[0], &count));
  CHECK(napi_get_value_uint32(env, argv[1], &err));
  inject_errno = err;
  if (which == (void *)&inject_open_at) inject_open_step = 0;
  *(unsigned *)which = count;
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
      {"open", NULL, open_socket, NULL, NULL, NULL, napi_default, NULL},
      {"close", NULL, close_socket, NULL, NULL, NULL, napi_default, NULL},
      {"truncated", NULL, truncated, NULL, NULL, NULL, napi_default, NULL},
      {"ntop", NULL, ntop, NULL, NULL, NULL, napi_default, NULL},
      {"injectOpenFailure", NULL, inject, NULL, NULL, NULL, napi_default, &inject_open_at},
      {"injectReceiveFailure", NULL, inject, NULL, NULL, NULL, napi_default, &inject_receive_times},
      {"injectPollFailure", NULL, inject, NULL, NULL, NULL, napi_default, &inject_poll_times},
      {"metaStride", NULL, NULL, NULL, NULL, NULL, napi_default, NULL},
  };
  size_t count = sizeof properties / sizeof *properties;
  napi_value stride;
  CHECK(napi_create_uint32(env, META_STRIDE, &stride));
  properties[count - 1].value = stride;
  CHECK(napi_define_properties(env, exports, count, properties));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
