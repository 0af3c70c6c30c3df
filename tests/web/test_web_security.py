"""HTTPS settings (Secure cookies, HSTS) and the client's address behind a reverse proxy."""

from __future__ import annotations

from tests.helpers.web import PASSWORD, app_with, csrf_token, login


def test_over_https_cookies_are_secure_and_hsts_is_sent(app, people):
    secure = app_with(app, HTTPS=True)
    client = secure.test_client()
    https = "https://localhost"
    page = client.get("/login", base_url=https).get_data(as_text=True)
    form = {"username": "sam", "password": PASSWORD, "csrf_token": csrf_token(page)}
    response = client.post("/login", data=form, base_url=https, headers={"Referer": f"{https}/login"})
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/", base_url=https).headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )


def test_over_plain_http_no_hsts_and_no_secure_flag(app, people, client):
    response = login(client, "sam")
    assert "Secure" not in response.headers["Set-Cookie"] and "HttpOnly" in response.headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_behind_a_proxy_limits_count_the_client_not_the_proxy(app, people):
    proxied = app_with(app, PROXY_HOPS=1, LOGIN_LIMIT_PER_ADDRESS="2 per minute")
    client = proxied.test_client()

    def token(client_address):
        return client.post(
            "/api/v1/auth/token",
            json={"username": "sam", "password": PASSWORD},
            headers={"X-Forwarded-For": client_address},
        ).status_code

    assert [token("203.0.113.1") for _ in range(3)] == [200, 200, 429]
    assert token("203.0.113.2") == 200  # another school behind the same proxy
