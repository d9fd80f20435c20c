// The floor under a BOLT 8 connect's latency on this machine, without any runtime: blocking loopback sockets play the
// handshake's shape (connect; 50 B; 50 B; 66 + 50 B; 50 B) and busy-wait where each side does its curve work, for as
// long as that work takes here (µs): the initiator's Act One (es), the responder's Act Two (es + ee), the initiator's
// Act Three (ee + se) and the responder's last step (se). What the p50 has above the busy waits is what the kernel
// and the virtual machine charge for a TCP connection and four flights.
//   gcc -O2 -o /tmp/handshake_shape bench/floor/handshake_shape.c -l:libsecp256k1.so.1
//   /tmp/handshake_shape both 40 80 80 40          both ends, two processes
//   /tmp/handshake_shape both ecdh ecdh ecdh ecdh 5000 200   real ECDHs instead of the waits (cold caches cost them more)
//   /tmp/handshake_shape both 40 80 80 40 5000 400 the same with 5 ms idle between connects, 400 connects
//   /tmp/handshake_shape server 20124 80 40 &      the responder alone (to pair with bench/floor/HandshakeShape)
//   /tmp/handshake_shape client 20123 40 80        the initiator alone
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static int CYCLES = 3000;
static long GAP = 200; // µs between two connects (the load tool's disconnect, or an idle gap)
static char buf[256];
static long now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000000000L+t.tv_nsec;}
static void spin(long us){long e=now()+us*1000;while(now()<e);}
// With "ecdh" in place of the four times, each side does its real curve work instead of waiting: libsecp256k1's ECDH
// (SHA-256 of the shared point, as BOLT 8 hashes it) on a remote key parsed from its 33 bytes, as many times as the
// act needs (1, 2, 2, 1). The library is the one the daemon loads (declared here: no -dev headers needed).
typedef struct { unsigned char data[64]; } secp256k1_pubkey;
void *secp256k1_context_create(unsigned int flags);
int secp256k1_ec_pubkey_create(const void *ctx, secp256k1_pubkey *pub, const unsigned char *seckey);
int secp256k1_ec_pubkey_parse(const void *ctx, secp256k1_pubkey *pub, const unsigned char *in, size_t len);
int secp256k1_ec_pubkey_serialize(const void *ctx, unsigned char *out, size_t *len, const secp256k1_pubkey *pub, unsigned int flags);
int secp256k1_ecdh(const void *ctx, unsigned char *out, const secp256k1_pubkey *pub, const unsigned char *seckey, void *hashfp, void *data);
static void *ctx; static unsigned char sk[32] = {1}, remote[33];
static int ECDH = 0;
static void curve(long us){
  if(!ECDH){spin(us);return;}
  for(long i=0;i<us;i++){secp256k1_pubkey p; unsigned char out[32];
    if(!secp256k1_ec_pubkey_parse(ctx,&p,remote,33)||!secp256k1_ecdh(ctx,out,&p,sk,0,0)){fprintf(stderr,"ecdh failed\n");exit(1);}}}
static void curve_init(void){
  ctx=secp256k1_context_create(0x0101); secp256k1_pubkey p; size_t n=33; sk[31]=7;
  if(!secp256k1_ec_pubkey_create(ctx,&p,sk)||!secp256k1_ec_pubkey_serialize(ctx,remote,&n,&p,0x0102)){fprintf(stderr,"secp256k1 failed\n");exit(1);}}
static int cmp(const void*a,const void*b){long x=*(long*)a,y=*(long*)b;return x<y?-1:x>y;}
static void nodelay(int s){int one=1;setsockopt(s,IPPROTO_TCP,TCP_NODELAY,&one,4);}
static struct sockaddr_in loopback(int port){struct sockaddr_in a={.sin_family=AF_INET,.sin_port=htons(port),.sin_addr.s_addr=htonl(0x7f000001)};return a;}
static void respond(int l,int cycles,long w2,long w4){
  for(int i=0;i<cycles;i++){int c=accept(l,0,0); nodelay(c);
    recv(c,buf,50,MSG_WAITALL); curve(w2); send(c,buf,50,0);
    recv(c,buf,116,MSG_WAITALL); curve(w4); send(c,buf,50,0);
    while(recv(c,buf,sizeof buf,0)>0){} close(c);}}
static void initiate(struct sockaddr_in a,long w1,long w3,const char*what){
  long *d=malloc(CYCLES*sizeof(long));
  for(int i=0;i<CYCLES;i++){
    usleep(GAP);
    long t=now(); int c=socket(AF_INET,SOCK_STREAM,0); nodelay(c); connect(c,(void*)&a,sizeof a);
    curve(w1); send(c,buf,50,0); recv(c,buf,50,MSG_WAITALL);
    curve(w3); send(c,buf,116,0); recv(c,buf,50,MSG_WAITALL);
    d[i]=now()-t; close(c);}
  qsort(d,CYCLES,sizeof(long),cmp);
  printf("%s: p50 %.0f us, p90 %.0f us, p99 %.0f us\n",what,d[CYCLES/2]/1e3,d[CYCLES*9/10]/1e3,d[CYCLES*99/100]/1e3);}
int main(int argc,char**argv){
  if((argc==6||argc==7||argc==8)&&!strcmp(argv[1],"both")){
    if(argc>=7)GAP=atol(argv[6]);
    if(argc==8)CYCLES=atoi(argv[7]);
    long w1=atol(argv[2]),w2=atol(argv[3]),w3=atol(argv[4]),w4=atol(argv[5]);
    if(!strcmp(argv[2],"ecdh")){ECDH=1;curve_init();w1=1;w2=2;w3=2;w4=1;}
    int l=socket(AF_INET,SOCK_STREAM,0); struct sockaddr_in a=loopback(0); socklen_t al=sizeof a;
    bind(l,(void*)&a,sizeof a); listen(l,64); getsockname(l,(void*)&a,&al);
    if(fork()==0){respond(l,CYCLES,w2,w4);_exit(0);}
    char what[160]; snprintf(what,sizeof what,ECDH?"C both ends, real ECDHs %ld+%ld+%ld+%ld, %ld us between connects":"C both ends, curve work %ld+%ld+%ld+%ld us, %ld us between connects",w1,w2,w3,w4,GAP);
    initiate(a,w1,w3,what); wait(0); return 0;}
  if(argc==5&&!strcmp(argv[1],"server")){
    int l=socket(AF_INET,SOCK_STREAM,0); int one=1; setsockopt(l,SOL_SOCKET,SO_REUSEADDR,&one,4);
    struct sockaddr_in a=loopback(atoi(argv[2])); if(bind(l,(void*)&a,sizeof a)||listen(l,64)){perror("listen");return 1;}
    respond(l,1<<30,atol(argv[3]),atol(argv[4])); return 0;}
  if(argc==5&&!strcmp(argv[1],"client")){
    initiate(loopback(atoi(argv[2])),atol(argv[3]),atol(argv[4]),"C initiator"); return 0;}
  fprintf(stderr,"usage: %s both act1 act2 act3 last [gap [connects]] (µs, or ecdh ×4) | server port act2 last | client port act1 act3   (µs)\n",argv[0]);
  return 2;}
